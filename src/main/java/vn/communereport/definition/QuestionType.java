package vn.communereport.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.communereport.definition.type.DateType;
import vn.communereport.definition.type.NarrativeType;
import vn.communereport.definition.type.NumberType;
import vn.communereport.definition.type.TextType;
import vn.communereport.definition.type.YesNoType;

/**
 * A kind of answer: how it is read from what a person typed, how it is shown, the hint and buttons that go
 * with the question, and which places of the report it may fill. The YAML name is what a clerk writes in
 * {@code type:}. A new kind is one class here and its texts ({@code hint.<name>} and its problems).
 */
public interface QuestionType {

    QuestionType INTEGER = new NumberType("integer", vn.communereport.definition.type.NumberParser.Kind.INTEGER);
    QuestionType DECIMAL = new NumberType("decimal", vn.communereport.definition.type.NumberParser.Kind.DECIMAL);
    QuestionType PERCENT = new NumberType("percent", vn.communereport.definition.type.NumberParser.Kind.PERCENT);
    QuestionType YESNO = new YesNoType();
    QuestionType TEXT = new TextType();
    QuestionType NARRATIVE = new NarrativeType();
    QuestionType DATE = new DateType();

    List<QuestionType> ALL = List.of(INTEGER, DECIMAL, PERCENT, YESNO, TEXT, NARRATIVE, DATE);

    String yamlName();

    /** Stored as a number: checked by the figure rules and summed in the table. */
    boolean numeric();

    boolean mayFill(Slot.Kind kind);

    /** Reads what a person typed; {@code unit} is the question's unit (a figure typed with its unit after it is read as the figure). */
    Reading read(String input, String unit, Wording wording);

    /** A stored value as a person reads it on a phone. */
    String show(BigDecimal number, String text, String unit, Wording wording);

    default String hintKey() {
        return "hint." + yamlName();
    }

    /** Whether the unit is worth printing under the question. */
    default boolean showsUnit() {
        return numeric();
    }

    /** Answers offered as buttons. */
    default List<Choice> choices() {
        return List.of();
    }

    /** Whether the answer may come in several messages, gathered until the person says it is complete. */
    default boolean gathered() {
        return false;
    }

    static Optional<QuestionType> fromYaml(String name) {
        return ALL.stream().filter(t -> t.yamlName().equals(name)).findFirst();
    }

    static String yamlNames() {
        return String.join(", ", ALL.stream().map(QuestionType::yamlName).toList());
    }
}
