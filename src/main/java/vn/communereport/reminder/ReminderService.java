package vn.communereport.reminder;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.EntryLock;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Texts;

/**
 * Chases the departments that owe parts. Each reminder is recorded in the same transaction that queues it,
 * and the record's unique key stops a second scheduler, or a restart, from sending it again.
 */
@Service
public class ReminderService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReminderLogRepository log;
    private final PeriodService periods;
    private final CollectionService collection;
    private final AccessService access;
    private final ReportScopes scopes;
    private final ReminderButtons buttons;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;
    private final EntryLock entryLock;
    private final ReminderEscalation escalation;

    ReminderService(ReminderLogRepository log, PeriodService periods, CollectionService collection, AccessService access,
                    ReportScopes scopes, ReminderButtons buttons, Outbox outbox, Texts texts, Clock clock, EntryLock entryLock,
                    ReminderEscalation escalation) {
        this.entryLock = entryLock;
        this.escalation = escalation;
        this.log = log;
        this.periods = periods;
        this.collection = collection;
        this.access = access;
        this.scopes = scopes;
        this.buttons = buttons;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** Queues what the schedule says is due now, commune by commune; returns how many messages were queued. */
    @Transactional
    public int queueDue() {
        int queued = 0;
        ZonedDateTime now = ZonedDateTime.now(clock);
        for (ReportScope scope : scopes.all()) {
            for (ReportingPeriod period : periods.openPeriods(scope.communeCode(), scope.report())) {
                if (period.getDeadline() == null) {
                    continue;
                }
                ZonedDateTime deadline = period.getDeadline().atZone(clock.getZone());
                Optional<ReminderSchedule.Slot> slot = ReminderSchedule.due(scope.reminders(), deadline, now);
                if (slot.isPresent()) {
                    queued += queueSlot(scope, period, deadline, slot.get());
                }
                queued += escalation.queueDue(scope, period, deadline, now);
            }
        }
        return queued;
    }

    private int queueSlot(ReportScope scope, ReportingPeriod period, ZonedDateTime deadline, ReminderSchedule.Slot slot) {
        List<Outbound> messages = new ArrayList<>();
        List<DepartmentProgress> progress = collection.progress(period, scope.flows());
        List<DepartmentProgress> late = progress.stream().filter(p -> p.state() != DepartmentProgress.State.SUBMITTED).toList();
        for (DepartmentProgress owing : late) {
            if (entryLock.lockedNow(period, owing.departmentCode())) {
                continue; // past the deadline and its grace: only a department let in late can still act on a reminder
            }
            if (owing.state() == DepartmentProgress.State.AWAITING_APPROVAL) {
                continue; // handed in and locked: its head is asked, not its members
            }
            for (Member member : access.departmentMembers(scope.communeCode(), owing.departmentCode())) {
                if (claim(period, slot.key(), member)) {
                    messages.add(reminder(scope, period, deadline, slot.kind(), owing, member));
                }
            }
        }
        if (slot.kind() == ReminderSchedule.Kind.AFTER && !late.isEmpty()) {
            for (Member admin : access.officeAdmins(scope.communeCode())) {
                if (claim(period, "late-" + slot.key(), admin)) {
                    messages.add(lateSummary(scope, period, deadline, late, admin));
                }
            }
        }
        outbox.enqueue(messages);
        return messages.size();
    }

    private boolean claim(ReportingPeriod period, String slotKey, Member member) {
        if (log.existsByPeriodIdAndSlotKeyAndMemberId(period.getId(), slotKey, member.getId())) {
            return false;
        }
        log.save(new ReminderLog(period.getId(), slotKey, member.getId(), clock.instant()));
        return true;
    }

    /** Reminds the given departments now, on the office's request (not part of the schedule). */
    @Transactional
    public int remindNow(ReportingPeriod period, Collection<String> departmentCodes) {
        ReportScope scope = scopes.of(period.getCommuneCode(), period.getReportCode()).orElseThrow();
        List<Outbound> messages = new ArrayList<>();
        ZonedDateTime deadline = period.getDeadline() == null ? null : period.getDeadline().atZone(clock.getZone());
        for (DepartmentProgress owing : collection.progress(period, scope.flows())) {
            if (owing.state() == DepartmentProgress.State.SUBMITTED || owing.state() == DepartmentProgress.State.AWAITING_APPROVAL
                    || !departmentCodes.contains(owing.departmentCode()) || entryLock.lockedNow(period, owing.departmentCode())) {
                continue;
            }
            for (Member member : access.departmentMembers(scope.communeCode(), owing.departmentCode())) {
                messages.add(reminder(scope, period, deadline, deadline != null && ZonedDateTime.now(clock).isAfter(deadline)
                        ? ReminderSchedule.Kind.AFTER : ReminderSchedule.Kind.BEFORE, owing, member));
            }
        }
        outbox.enqueue(messages);
        return messages.size();
    }

    private Outbound reminder(ReportScope scope, ReportingPeriod period, ZonedDateTime deadline, ReminderSchedule.Kind kind,
                              DepartmentProgress owing, Member member) {
        String department = scope.commune().department(owing.departmentCode()).map(d -> d.name()).orElse(owing.departmentCode());
        int missing = owing.total() - owing.answered();
        String when = deadline == null ? texts.get("reminder.no-deadline") : deadline(deadline);
        String key = switch (kind) {
            case BEFORE -> "reminder.before";
            case DEADLINE_DAY -> "reminder.deadline-day";
            case AFTER -> "reminder.after";
        };
        String status = owing.state() == DepartmentProgress.State.REOPENED || missing == 0
                ? texts.get("reminder.not-submitted") : texts.get("reminder.missing", missing, owing.total());
        String text = texts.get(key, department, scope.report().name(), period.key().label(), when, status);
        return new Outbound(Recipient.member(member.getId()), text, List.of(List.of(buttons.continueAnswering(scope.report().code()))));
    }

    private Outbound lateSummary(ReportScope scope, ReportingPeriod period, ZonedDateTime deadline, List<DepartmentProgress> late,
                                 Member admin) {
        StringBuilder text = new StringBuilder(texts.get("reminder.late-summary", scope.report().name(),
                period.key().label(), deadline(deadline), late.size(), scope.flows().size()));
        for (DepartmentProgress owing : late) {
            String department = scope.commune().department(owing.departmentCode()).map(d -> d.name()).orElse(owing.departmentCode());
            text.append('\n').append(owing.state() == DepartmentProgress.State.AWAITING_APPROVAL
                    ? texts.get("approval.late-line", department)
                    : texts.get("reminder.late-line", department, owing.total() - owing.answered(), owing.total()));
        }
        return new Outbound(Recipient.member(admin.getId()), text.toString(),
                List.of(List.of(buttons.remindAllLate()), List.of(buttons.progress())));
    }

    /** "16:00 ngày 15/12/2026" */
    private String deadline(ZonedDateTime deadline) {
        return texts.get("reminder.deadline-at", TIME.format(deadline), DATE.format(deadline));
    }
}
