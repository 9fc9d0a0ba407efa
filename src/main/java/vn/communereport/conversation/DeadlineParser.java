package vn.communereport.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as the office types it: "15/12/2026", "15/12", "15-12-2026 16:00", "15/12 lúc 16h"; 17:00 when
 * no time is given.
 */
final class DeadlineParser {

    static final LocalTime DEFAULT_TIME = LocalTime.of(17, 0);
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2,4}))?(?:\\s+(?:\\p{L}+\\s+)?(\\d{1,2})(?:[:hg](\\d{2})?)?)?");

    private DeadlineParser() {
    }

    static Optional<ZonedDateTime> parse(String text, Clock clock) {
        Matcher m = DATE.matcher(text == null ? "" : text.trim().toLowerCase());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int year = m.group(3) == null ? LocalDate.now(clock).getYear()
                    : m.group(3).length() == 2 ? 2000 + Integer.parseInt(m.group(3)) : Integer.parseInt(m.group(3));
            LocalTime time = m.group(4) == null ? DEFAULT_TIME
                    : LocalTime.of(Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            return Optional.of(LocalDate.of(year, month, day).atTime(time).atZone(clock.getZone()));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
