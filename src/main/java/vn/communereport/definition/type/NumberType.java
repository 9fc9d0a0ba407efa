package vn.communereport.definition.type;

import java.math.BigDecimal;

import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Slot;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.definition.Wording;

/** A whole number, a decimal or a percentage, read the way staff write them ("2.654", "99,7", "1 702"). */
public final class NumberType implements QuestionType {

    private final String yamlName;
    private final NumberParser.Kind kind;

    public NumberType(String yamlName, NumberParser.Kind kind) {
        this.yamlName = yamlName;
        this.kind = kind;
    }

    @Override
    public String yamlName() {
        return yamlName;
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
    public Reading read(String input, String unit, Wording wording) {
        NumberParser.Result parsed = NumberParser.parse(input, kind, unit);
        return parsed.ok() ? Reading.ofNumber(parsed.value())
                : Reading.problem("number." + parsed.problem().name().toLowerCase().replace('_', '-'));
    }

    @Override
    public String show(BigDecimal number, String text, String unit, Wording wording) {
        if (kind == NumberParser.Kind.PERCENT || "%".equals(unit)) {
            return VietnameseNumbers.format(number) + "%";
        }
        return VietnameseNumbers.format(number) + (unit == null ? "" : " " + unit.toLowerCase(VietnameseNumbers.LOCALE));
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
