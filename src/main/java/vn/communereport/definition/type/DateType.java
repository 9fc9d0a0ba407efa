package vn.communereport.definition.type;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Slot;
import vn.communereport.definition.Wording;

/**
 * A calendar date, day first as Vietnamese write it: "05/01/2026", "5/1/2026", "5-1-2026" or "5.1.2026".
 * Stored and shown as "05/01/2026", so the report prints it as it is.
 */
public final class DateType implements QuestionType {

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public String yamlName() {
        return "date";
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
        String text = input == null ? "" : NumberParser.normalized(input);
        if (text.isEmpty()) {
            return Reading.problem("input.empty");
        }
        Matcher parts = DAY_MONTH_YEAR.matcher(text);
        if (!parts.matches()) {
            return Reading.problem("date.invalid");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(parts.group(3)), Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(1)));
            return Reading.ofText(SHOWN.format(date));
        } catch (DateTimeException noSuchDay) {
            return Reading.problem("date.no-such-day", text);
        }
    }

    @Override
    public String show(BigDecimal number, String text, String unit, Wording wording) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
