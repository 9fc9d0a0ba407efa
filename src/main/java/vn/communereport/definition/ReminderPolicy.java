package vn.communereport.definition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * When the bot chases departments that have not submitted: some working mornings before the deadline, the
 * deadline day, and every working morning after it. Nothing is sent outside working hours or days.
 *
 * <p>The report's {@code reminders} give the schedule, the working hours and the working days; the days off are the
 * commune's ({@code holidays} of its file), joined with {@link #withHolidays} ({@link ReportScope#reminders()}).
 */
public record ReminderPolicy(
        List<Integer> daysBefore,
        boolean onDeadlineDay,
        boolean everyWorkingDayAfter,
        LocalTime morning,
        LocalTime workStart,
        LocalTime workEnd,
        Set<DayOfWeek> workingDays,
        Set<LocalDate> holidays) {

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(3, 1), true, true, LocalTime.of(8, 0), LocalTime.of(7, 30), LocalTime.of(17, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                Set.of());
    }

    /** The same schedule with these days off. */
    public ReminderPolicy withHolidays(Set<LocalDate> days) {
        return new ReminderPolicy(daysBefore, onDeadlineDay, everyWorkingDayAfter, morning, workStart, workEnd, workingDays,
                Set.copyOf(days));
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
