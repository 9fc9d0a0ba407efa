package vn.communereport.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Definitions;
import vn.communereport.definition.ReminderPolicy;

class ReminderScheduleTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ReminderPolicy POLICY = ReminderPolicy.defaults();

    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, HANOI);
    }

    @Test
    void plansThreeAndOneDaysBeforeTheDeadlineDayAndEveryWorkingMorningAfter() {
        // Friday 18 December 2026, 17:00.
        LocalDateTime deadline = LocalDateTime.of(2026, 12, 18, 17, 0);
        List<ReminderSchedule.Slot> slots = ReminderSchedule.slotsUntil(POLICY, deadline, LocalDate.of(2026, 12, 23));
        assertThat(slots).extracting(ReminderSchedule.Slot::key)
                .containsExactly("r-2026-12-15", "r-2026-12-17", "r-2026-12-18", "r-2026-12-21", "r-2026-12-22", "r-2026-12-23");
        assertThat(slots).extracting(ReminderSchedule.Slot::kind).containsExactly(
                ReminderSchedule.Kind.BEFORE, ReminderSchedule.Kind.BEFORE, ReminderSchedule.Kind.DEADLINE_DAY,
                ReminderSchedule.Kind.AFTER, ReminderSchedule.Kind.AFTER, ReminderSchedule.Kind.AFTER);
    }

    @Test
    void aReminderThatFallsOnASundayWaitsForMondayMorningAndIsNotDoubled() {
        // Wednesday deadline: three days before is Sunday, moved to Monday, which is not the one-day-before slot.
        LocalDateTime deadline = LocalDateTime.of(2026, 12, 16, 17, 0);
        List<ReminderSchedule.Slot> slots = ReminderSchedule.slotsUntil(POLICY, deadline, LocalDate.of(2026, 12, 16));
        assertThat(slots).extracting(ReminderSchedule.Slot::key).containsExactly("r-2026-12-14", "r-2026-12-15", "r-2026-12-16");
        assertThat(slots.get(0).plannedAt().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        // Monday deadline: three days before (Friday) and one day before (Sunday → Monday morning = deadline day) collapse.
        List<ReminderSchedule.Slot> monday = ReminderSchedule.slotsUntil(POLICY, LocalDateTime.of(2026, 12, 14, 17, 0), LocalDate.of(2026, 12, 14));
        assertThat(monday).extracting(ReminderSchedule.Slot::key).containsExactly("r-2026-12-11", "r-2026-12-14");
    }

    @Test
    void nothingIsDueAtNightOnWeekendsOrHolidays() {
        ZonedDateTime deadline = at(12, 18, 17, 0);
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 15, 7, 0))).isEmpty();
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 15, 8, 0))).map(ReminderSchedule.Slot::key).contains("r-2026-12-15");
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 15, 16, 59))).map(ReminderSchedule.Slot::key).contains("r-2026-12-15");
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 15, 17, 0))).isEmpty();
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 15, 23, 0))).isEmpty();
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 19, 9, 0))).isEmpty();
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 20, 9, 0))).isEmpty();
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 21, 9, 0))).map(ReminderSchedule.Slot::kind).contains(ReminderSchedule.Kind.AFTER);
        ReminderPolicy withHoliday = POLICY.withHolidays(Set.of(LocalDate.of(2026, 12, 21)));
        Optional<ReminderSchedule.Slot> holiday = ReminderSchedule.due(withHoliday, deadline, at(12, 21, 9, 0));
        assertThat(holiday).isEmpty();
        assertThat(ReminderSchedule.due(withHoliday, deadline, at(12, 22, 8, 0))).map(ReminderSchedule.Slot::key).contains("r-2026-12-22");
    }

    /** The days off are the commune's: Bình Lư's 1 and 2 September move the reminder of 1 September to the 3rd. */
    @Test
    void theCommunesHolidaysAreDaysWithoutReminders() {
        Definitions definitions = DefinitionFiles.load(Path.of("conversations"));
        CommuneDefinition binhLu = definitions.commune("binh-lu").orElseThrow();
        ReminderPolicy report = definitions.report("cchc").orElseThrow().reminders();
        ReminderPolicy policy = report.withHolidays(binhLu.holidays());
        assertThat(policy.withHolidays(Set.of())).as("working days and hours stay the report's").isEqualTo(report);
        // Friday 4 September 2026, 17:00: three days before is Tuesday 1 September, a holiday of the commune.
        LocalDateTime deadline = LocalDateTime.of(2026, 9, 4, 17, 0);
        assertThat(ReminderSchedule.slotsUntil(report, deadline, LocalDate.of(2026, 9, 4))).extracting(ReminderSchedule.Slot::key)
                .containsExactly("r-2026-09-01", "r-2026-09-03", "r-2026-09-04");
        assertThat(ReminderSchedule.slotsUntil(policy, deadline, LocalDate.of(2026, 9, 4))).extracting(ReminderSchedule.Slot::key)
                .containsExactly("r-2026-09-03", "r-2026-09-04");
        assertThat(ReminderSchedule.due(policy, deadline.atZone(HANOI), at(9, 2, 9, 0))).isEmpty();
    }

    @Test
    void aServerThatWasDownSendsOnlyTheLatestDueReminder() {
        ZonedDateTime deadline = at(12, 18, 17, 0);
        assertThat(ReminderSchedule.due(POLICY, deadline, at(12, 17, 15, 0))).map(ReminderSchedule.Slot::key).contains("r-2026-12-17");
    }
}
