package vn.communereport.definition;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A report's data cut-off ({@code cut_off} in report.yaml): each period's data window (Nghị định 09/2019/NĐ-CP,
 * Điều 12: the six-monthly report covers 15/12 of the year before to 14/6), the deadline counted from the window's
 * last day, and the grace after the deadline before entry locks by itself.
 *
 * @param windows        one per period of the year, in order; a window whose first day comes after its last day in the
 *                       calendar starts in the year before the period's
 * @param deadlineDays   how many days after the window's last day the parts are due
 * @param workingDays    whether those are working days (the report's working days, the commune's holidays off)
 * @param deadlineTime   the hour of the deadline on its day
 * @param grace          how long after the deadline entry stays open before it locks
 * @param maxLateDays    how many days after the lock the office may let one department enter late, at most
 */
public record CutOff(List<Window> windows, int deadlineDays, boolean workingDays, LocalTime deadlineTime, Duration grace,
                     int maxLateDays) {

    /** The first and last day of a period's data, as day and month. */
    public record Window(MonthDay from, MonthDay to) {

        /** Whether the window reaches back into the year before the period's (15/12 → 14/6). */
        boolean startsYearBefore() {
            return from.isAfter(to);
        }
    }

    /** The window of period {@code index} (1-based) of {@code year}: its first and last day. */
    public LocalDate windowStart(int year, int index) {
        Window w = windows.get(index - 1);
        return w.from().atYear(w.startsYearBefore() ? year - 1 : year);
    }

    public LocalDate windowEnd(int year, int index) {
        return windows.get(index - 1).to().atYear(year);
    }

    /** The deadline of period {@code index} of {@code year}: so many (working) days after its window's last day. */
    public ZonedDateTime deadline(int year, int index, ReminderPolicy workingTime, ZoneId zone) {
        LocalDate day = windowEnd(year, index);
        int left = deadlineDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (!workingDays || workingTime.isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(deadlineTime).atZone(zone);
    }

    /** Grace in whole hours, as the messages name it. */
    public long graceHours() {
        return grace.toHours();
    }
}
