package vn.communereport.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.communereport.definition.ReminderPolicy;

/** Escalation counts working days after the deadline day: weekends and the commune's holidays do not count. */
class EscalationScheduleTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    // Wednesday 2 September 2026 is a holiday; the deadline is Monday 31 August, 17:00.
    static final ReminderPolicy POLICY = ReminderPolicy.defaults().withHolidays(Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2)));
    static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 8, 31, 17, 0, 0, 0, HANOI);

    static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, HANOI);
    }

    @Test
    void holidaysAndWeekendsAreSkipped() {
        assertThat(EscalationSchedule.workingDaysAfter(POLICY, DEADLINE.toLocalDate(), 1)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(EscalationSchedule.workingDaysAfter(POLICY, DEADLINE.toLocalDate(), 2)).isEqualTo(LocalDate.of(2026, 9, 4));
        assertThat(EscalationSchedule.workingDaysAfter(POLICY, DEADLINE.toLocalDate(), 3)).isEqualTo(LocalDate.of(2026, 9, 7));
    }

    @Test
    void dueFromTheMorningOfThatDayAndOnlyWithinWorkingHours() {
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 4, 7, 59), 2)).isFalse();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 4, 8, 0), 2)).isTrue();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 4, 17, 0), 2)).isFalse();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 5, 10, 0), 2)).as("Saturday").isFalse();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 7, 10, 0), 2)).as("later working days too").isTrue();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 3, 10, 0), 2)).isFalse();
        assertThat(EscalationSchedule.due(POLICY, DEADLINE, at(9, 7, 10, 0), null)).as("no such step").isFalse();
    }
}
