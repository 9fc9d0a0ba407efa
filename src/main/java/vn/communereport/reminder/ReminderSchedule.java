package vn.communereport.reminder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.communereport.definition.ReminderPolicy;

/**
 * Works out which reminder is due at a moment, from the deadline and the policy. A slot is named by the
 * day it goes out, so two rules that land on the same working morning give one reminder, not two.
 */
public final class ReminderSchedule {

    /** What kind of reminder a slot is, for its wording. */
    public enum Kind { BEFORE, DEADLINE_DAY, AFTER }

    public record Slot(String key, Kind kind, LocalDateTime plannedAt) {
    }

    private ReminderSchedule() {
    }

    /** The slot to send now, if any: the latest one already planned, and only within working hours. */
    public static Optional<Slot> due(ReminderPolicy policy, ZonedDateTime deadline, ZonedDateTime now) {
        LocalDateTime local = now.withZoneSameInstant(deadline.getZone()).toLocalDateTime();
        if (!policy.isWorkingDay(local.toLocalDate()) || local.toLocalTime().isBefore(policy.workStart())
                || !local.toLocalTime().isBefore(policy.workEnd())) {
            return Optional.empty();
        }
        return slotsUntil(policy, deadline.toLocalDateTime(), local.toLocalDate()).stream()
                .filter(s -> !s.plannedAt().isAfter(local))
                .max(Comparator.comparing(Slot::plannedAt));
    }

    /** Every slot planned up to and including {@code lastDay}. */
    static List<Slot> slotsUntil(ReminderPolicy policy, LocalDateTime deadline, LocalDate lastDay) {
        List<Slot> slots = new ArrayList<>();
        LocalDate deadlineDay = deadline.toLocalDate();
        for (int days : policy.daysBefore()) {
            LocalDateTime planned = nextWorkingMorning(policy, deadlineDay.minusDays(days).atTime(policy.morning()));
            if (planned.isBefore(deadline)) {
                add(slots, planned, planned.toLocalDate().isBefore(deadlineDay) ? Kind.BEFORE : Kind.DEADLINE_DAY);
            }
        }
        if (policy.onDeadlineDay()) {
            LocalDateTime planned = nextWorkingMorning(policy, deadlineDay.atTime(policy.morning()));
            add(slots, planned, planned.isBefore(deadline) ? Kind.DEADLINE_DAY : Kind.AFTER);
        }
        if (policy.everyWorkingDayAfter()) {
            for (LocalDate day = deadlineDay.plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (policy.isWorkingDay(day)) {
                    add(slots, day.atTime(policy.morning()), Kind.AFTER);
                }
            }
        }
        return slots;
    }

    private static void add(List<Slot> slots, LocalDateTime planned, Kind kind) {
        String key = "r-" + planned.toLocalDate();
        if (slots.stream().noneMatch(s -> s.key().equals(key))) {
            slots.add(new Slot(key, kind, planned));
        }
    }

    /** A time outside working hours or days moves to the next working morning. */
    static LocalDateTime nextWorkingMorning(ReminderPolicy policy, LocalDateTime time) {
        LocalDate day = time.toLocalDate();
        LocalTime at = time.toLocalTime();
        if (at.isBefore(policy.workStart())) {
            at = policy.morning();
        }
        if (!at.isBefore(policy.workEnd())) {
            day = day.plusDays(1);
            at = policy.morning();
        }
        while (!policy.isWorkingDay(day)) {
            day = day.plusDays(1);
            at = policy.morning();
        }
        return day.atTime(at);
    }
}
