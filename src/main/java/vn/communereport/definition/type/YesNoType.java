package vn.communereport.definition.type;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.communereport.definition.Choice;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Slot;
import vn.communereport.definition.Wording;

/** Yes or no, stored as 1 or 0 so a table row can hold it; answered with a tap or typed ("có", "ko", "1"). */
public final class YesNoType implements QuestionType {

    @Override
    public String yamlName() {
        return "yesno";
    }

    @Override
    public boolean numeric() {
        return true;
    }

    @Override
    public boolean mayFill(Slot.Kind slot) {
        return slot == Slot.Kind.TABLE_ROW;
    }

    @Override
    public boolean showsUnit() {
        return false;
    }

    @Override
    public List<Choice> choices() {
        return List.of(new Choice("button.yes", "1"), new Choice("button.no", "0"));
    }

    @Override
    public Reading read(String input, String unit, Wording wording) {
        String text = NumberParser.normalized(input == null ? "" : input).toLowerCase(Locale.ROOT);
        if (words(wording, "yesno.words-yes").contains(text)) {
            return Reading.ofNumber(BigDecimal.ONE);
        }
        if (words(wording, "yesno.words-no").contains(text)) {
            return Reading.ofNumber(BigDecimal.ZERO);
        }
        return Reading.problem("yesno.invalid");
    }

    /** The words that mean yes (or no), comma-separated in the bundle so a clerk can add one. */
    private static List<String> words(Wording wording, String key) {
        return Arrays.stream(wording.get(key).split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String show(BigDecimal number, String text, String unit, Wording wording) {
        return wording.get(number != null && number.signum() > 0 ? "value.yes" : "value.no");
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
