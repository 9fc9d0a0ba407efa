package vn.communereport.collection;

import java.time.LocalDate;
import java.time.YearMonth;

import vn.communereport.definition.Frequency;
import vn.communereport.definition.TextBundle;

/**
 * Identifies a reporting period and names it the way the office writes it: the first half of 2026, the year 2026,
 * the third quarter or November of 2026 (the words are in {@code i18n/collection.properties}).
 */
public record PeriodKey(Frequency frequency, int year, int index) {

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final TextBundle TEXTS = TextBundle.of("i18n/collection");

    /** The period that contains the given day. */
    public static PeriodKey containing(Frequency frequency, LocalDate day) {
        int month = day.getMonthValue();
        return switch (frequency) {
            case MONTH -> new PeriodKey(frequency, day.getYear(), month);
            case QUARTER -> new PeriodKey(frequency, day.getYear(), (month - 1) / 3 + 1);
            case HALF_YEAR -> new PeriodKey(frequency, day.getYear(), month <= 6 ? 1 : 2);
            case YEAR -> new PeriodKey(frequency, day.getYear(), 1);
        };
    }

    public String key() {
        return switch (frequency) {
            case MONTH -> year + "-M" + String.format("%02d", index);
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> year + "-Y";
        };
    }

    public static PeriodKey parse(String key) {
        int year = Integer.parseInt(key.substring(0, 4));
        String rest = key.substring(5);
        return switch (rest.charAt(0)) {
            case 'M' -> new PeriodKey(Frequency.MONTH, year, Integer.parseInt(rest.substring(1)));
            case 'Q' -> new PeriodKey(Frequency.QUARTER, year, Integer.parseInt(rest.substring(1)));
            case 'H' -> new PeriodKey(Frequency.HALF_YEAR, year, Integer.parseInt(rest.substring(1)));
            default -> new PeriodKey(Frequency.YEAR, year, 1);
        };
    }

    public PeriodKey previous() {
        int perYear = switch (frequency) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        return index > 1 ? new PeriodKey(frequency, year, index - 1) : new PeriodKey(frequency, year - 1, perYear);
    }

    public PeriodKey next() {
        int perYear = switch (frequency) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
        return index < perYear ? new PeriodKey(frequency, year, index + 1) : new PeriodKey(frequency, year + 1, 1);
    }

    public LocalDate startsOn() {
        return switch (frequency) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case HALF_YEAR -> LocalDate.of(year, index == 1 ? 1 : 7, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    public LocalDate endsOn() {
        return switch (frequency) {
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case HALF_YEAR -> LocalDate.of(year, index == 1 ? 6 : 12, index == 1 ? 30 : 31);
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    /** The period as the office names it (e.g. the first half of 2026), from the bundle. */
    public String label() {
        String roman = frequency == Frequency.QUARTER ? ROMAN[index - 1] : "";
        return TEXTS.get(textKey("collection.period."), String.valueOf(year), String.valueOf(index), roman);
    }

    /** Short ASCII form for file names: "6T-2026" (first half), "6TC-2026", "Q3-2026", "T11-2026", "Nam-2026". */
    public String fileCode() {
        return TEXTS.get(textKey("collection.period-file."), String.valueOf(year), String.valueOf(index));
    }

    /** "collection.period.half-year.first": {0} is the year, {1} the month or quarter, {2} the quarter in Roman. */
    private String textKey(String prefix) {
        return prefix + switch (frequency) {
            case MONTH -> "month";
            case QUARTER -> "quarter";
            case HALF_YEAR -> index == 1 ? "half-year.first" : "half-year.second";
            case YEAR -> "year";
        };
    }
}
