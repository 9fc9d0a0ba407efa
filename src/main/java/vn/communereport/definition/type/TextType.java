package vn.communereport.definition.type;

import java.math.BigDecimal;

import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Shortened;
import vn.communereport.definition.Slot;
import vn.communereport.definition.Wording;

/** A short text in one message (a name, a document number), up to {@value #MAX_LENGTH} characters. */
public final class TextType implements QuestionType {

    public static final int MAX_LENGTH = 500;

    @Override
    public String yamlName() {
        return "text";
    }

    @Override
    public boolean numeric() {
        return false;
    }

    @Override
    public boolean mayFill(Slot.Kind slot) {
        return slot == Slot.Kind.TABLE_ROW;
    }

    @Override
    public Reading read(String input, String unit, Wording wording) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return Reading.problem("input.empty");
        }
        return text.length() > MAX_LENGTH ? Reading.problem("text.too-long", MAX_LENGTH) : Reading.ofText(text);
    }

    @Override
    public String show(BigDecimal number, String text, String unit, Wording wording) {
        return Shortened.oneLine(text, Shortened.PREVIEW);
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
