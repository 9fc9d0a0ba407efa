package vn.communereport.definition;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of answer a question accepts; the YAML name is what a clerk writes in {@code type:}. */
public enum QuestionType {
    INTEGER("integer", true),
    DECIMAL("decimal", true),
    PERCENT("percent", true),
    YESNO("yesno", true),
    TEXT("text", false),
    NARRATIVE("narrative", false);

    private final String yamlName;
    private final boolean numeric;

    QuestionType(String yamlName, boolean numeric) {
        this.yamlName = yamlName;
        this.numeric = numeric;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Numeric answers are stored as numbers and fill table rows. */
    public boolean numeric() {
        return numeric;
    }

    public static Optional<QuestionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}
