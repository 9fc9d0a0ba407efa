package vn.communereport.conversation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the last day of a late entry as the office types it: "25/6", "25-06-2026", "đến hết 25.6", or "3 ngày" (three
 * days from today: a number and a word). A day without its year is the next such day: in late December "5/1" is next January.
 * The chat's /nhapmuon and the console's late-entry form read it the same way.
 */
public final class LateEndParser {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{4}|\\d{2}))?");
    private static final Pattern DAYS = Pattern.compile("(?:\\p{L}+\\s+)?(\\d{1,2})\\s*\\p{L}+"); // "3 ngày", "thêm 3 ngày"

    private LateEndParser() {
    }

    public static Optional<LocalDate> parse(String text, Clock clock) {
        String typed = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        Matcher days = DAYS.matcher(typed);
        if (days.matches()) {
            return Optional.of(today.plusDays(Integer.parseInt(days.group(1))));
        }
        Matcher m = DATE.matcher(typed);
        if (!m.find() || m.find()) {
            return Optional.empty(); // no day, or two of them
        }
        m.reset().find();
        try {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) != null) {
                int year = m.group(3).length() == 2 ? 2000 + Integer.parseInt(m.group(3)) : Integer.parseInt(m.group(3));
                return Optional.of(LocalDate.of(year, month, day));
            }
            LocalDate date = LocalDate.of(today.getYear(), month, day);
            return Optional.of(date.isBefore(today.minusMonths(6)) ? date.plusYears(1) : date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
