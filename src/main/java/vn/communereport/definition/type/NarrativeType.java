package vn.communereport.definition.type;

import java.math.BigDecimal;

import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Shortened;
import vn.communereport.definition.Slot;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.definition.Wording;

/** A section of the report's text, often pasted in several messages and gathered until the person taps «Xong». */
public final class NarrativeType implements QuestionType {

    public static final int MAX_LENGTH = 60_000;

    @Override
    public String yamlName() {
        return "narrative";
    }

    @Override
    public boolean numeric() {
        return false;
    }

    @Override
    public boolean mayFill(Slot.Kind slot) {
        return slot == Slot.Kind.BLOCK;
    }

    @Override
    public boolean showsUnit() {
        return false;
    }

    @Override
    public boolean gathered() {
        return true;
    }

    @Override
    public Reading read(String input, String unit, Wording wording) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return Reading.problem("input.empty");
        }
        return text.length() > MAX_LENGTH ? Reading.problem("narrative.too-long", MAX_LENGTH) : Reading.ofText(text);
    }

    @Override
    public String show(BigDecimal number, String text, String unit, Wording wording) {
        return wording.get("value.narrative", Shortened.oneLine(text, Shortened.PREVIEW),
                VietnameseNumbers.format(BigDecimal.valueOf(text == null ? 0 : text.length())));
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
