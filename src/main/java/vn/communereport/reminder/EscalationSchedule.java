package vn.communereport.reminder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import vn.communereport.definition.ReminderPolicy;

/**
 * When an escalation step is due: from the morning of the N-th working day after the deadline day (the commune's
 * holidays and the report's working days count, as for reminders), and then only within working hours.
 */
public final class EscalationSchedule {

    private EscalationSchedule() {
    }

    /** The N-th working day after the deadline's day. */
    public static LocalDate workingDaysAfter(ReminderPolicy policy, LocalDate deadlineDay, int workingDays) {
        LocalDate day = deadlineDay;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (policy.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Whether a step {@code workingDays} after the deadline may go out now. */
    public static boolean due(ReminderPolicy policy, ZonedDateTime deadline, ZonedDateTime now, Integer workingDays) {
        if (workingDays == null) {
            return false;
        }
        LocalDateTime local = now.withZoneSameInstant(deadline.getZone()).toLocalDateTime();
        if (!policy.isWorkingDay(local.toLocalDate()) || local.toLocalTime().isBefore(policy.workStart())
                || !local.toLocalTime().isBefore(policy.workEnd())) {
            return false;
        }
        LocalDateTime from = workingDaysAfter(policy, deadline.toLocalDate(), workingDays).atTime(policy.morning());
        return !local.isBefore(from);
    }
}
