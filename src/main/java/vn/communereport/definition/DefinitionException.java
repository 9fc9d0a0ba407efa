package vn.communereport.definition;

import java.nio.file.Path;

/** A definition file that cannot be used; names the file, the entry and the problem (in Vietnamese, for the clerk). */
public class DefinitionException extends RuntimeException {

    private final Path file;
    private final String entry;
    private final String problem;

    public DefinitionException(Path file, String entry, String problem) {
        super(file + (entry == null || entry.isBlank() ? "" : " › " + entry) + ": " + problem);
        this.file = file;
        this.entry = entry;
        this.problem = problem;
    }

    /** The problem worded by {@code key} of {@code i18n/definition.properties}. */
    public static DefinitionException of(Path file, String entry, String key, Object... args) {
        return new DefinitionException(file, entry, DefinitionTexts.get(key, args));
    }

    public Path file() {
        return file;
    }

    public String entry() {
        return entry;
    }

    public String problem() {
        return problem;
    }
}
