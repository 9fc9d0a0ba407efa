package vn.communereport.reminder;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ApprovalPolicy;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * Reminders go up when members do not answer ({@code reminders: escalate:} of report.yaml): after N working days past
 * the deadline each department head whose part is not in is told which of their members have not answered (or that
 * the part waits for their approval); after M, the office gets one summary naming who has not. Each step goes out
 * once per period and person: recorded in {@code reminder_log} in the transaction that queues it.
 */
@Component
class ReminderEscalation {

    static final String HEAD_STEP = "esc-head";
    static final String OFFICE_STEP = "esc-office";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReminderLogRepository log;
    private final CollectionService collection;
    private final AccessService access;
    private final DepartmentHeads heads;
    private final ReminderButtons buttons;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    ReminderEscalation(ReminderLogRepository log, CollectionService collection, AccessService access, DepartmentHeads heads,
                       ReminderButtons buttons, Outbox outbox, Texts texts, Clock clock) {
        this.log = log;
        this.collection = collection;
        this.access = access;
        this.heads = heads;
        this.buttons = buttons;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** Queues the steps due now for one period (in the caller's transaction); returns how many messages. */
    int queueDue(ReportScope scope, ReportingPeriod period, ZonedDateTime deadline, ZonedDateTime now) {
        ApprovalPolicy.Escalation escalation = scope.report().approval().escalation();
        boolean toHeads = EscalationSchedule.due(scope.reminders(), deadline, now, escalation.headAfterWorkingDays());
        boolean toOffice = EscalationSchedule.due(scope.reminders(), deadline, now, escalation.officeAfterWorkingDays());
        if (!toHeads && !toOffice) {
            return 0;
        }
        List<DepartmentProgress> notIn = collection.progress(period, scope.flows()).stream()
                .filter(p -> p.state() != DepartmentProgress.State.SUBMITTED).toList();
        if (notIn.isEmpty()) {
            return 0;
        }
        String when = texts.get("reminder.deadline-at", deadline.format(DateTimeFormatter.ofPattern("HH:mm")), DATE.format(deadline));
        String about = texts.get("communes.report-period", scope.report().name(), period.key().label());
        List<Outbound> messages = new ArrayList<>();
        if (toHeads) {
            for (DepartmentProgress part : notIn) {
                Optional<Member> head = heads.headOf(scope.communeCode(), part.departmentCode());
                if (head.isPresent() && claim(period, HEAD_STEP, head.get())) {
                    messages.add(toHead(scope, period, part, head.get(), about, when));
                }
            }
        }
        if (toOffice) {
            String summary = officeSummary(scope, period, notIn, about, when);
            for (Member admin : access.officeAdmins(scope.communeCode())) {
                if (claim(period, OFFICE_STEP, admin)) {
                    messages.add(new Outbound(Recipient.member(admin.getId()), summary,
                            List.of(List.of(buttons.remindAllLate()), List.of(buttons.progress()))));
                }
            }
        }
        outbox.enqueue(messages);
        return messages.size();
    }

    private Outbound toHead(ReportScope scope, ReportingPeriod period, DepartmentProgress part, Member head, String about, String when) {
        String department = scope.department(part.departmentCode()).name();
        String text;
        if (part.state() == DepartmentProgress.State.AWAITING_APPROVAL) {
            text = texts.get("approval.escalate.head-approve", department, about, when);
        } else {
            text = texts.get("approval.escalate.head", department, about, when, part.answered(), part.total(),
                    silent(scope, period, part.departmentCode()));
        }
        return new Outbound(Recipient.member(head.getId()), text, List.of(List.of(buttons.continueAnswering(scope.report().code()))));
    }

    private String officeSummary(ReportScope scope, ReportingPeriod period, List<DepartmentProgress> notIn, String about, String when) {
        StringBuilder text = new StringBuilder(texts.get("approval.escalate.office", about, when, notIn.size(), scope.flows().size()));
        for (DepartmentProgress part : notIn) {
            String department = scope.department(part.departmentCode()).name();
            String head = heads.headOf(scope.communeCode(), part.departmentCode()).map(Member::getDisplayName)
                    .filter(n -> n != null && !n.isBlank()).orElse(texts.get("approval.escalate.no-head"));
            if (part.state() == DepartmentProgress.State.AWAITING_APPROVAL) {
                text.append('\n').append(texts.get("approval.escalate.office-awaiting", department, head));
                continue;
            }
            text.append('\n').append(texts.get("approval.escalate.office-line", department, part.answered(), part.total(), head,
                    silent(scope, period, part.departmentCode())));
        }
        return text.toString();
    }

    /** The names of the department's members who have not answered any of its questions in the period. */
    private String silent(ReportScope scope, ReportingPeriod period, String departmentCode) {
        List<Member> members = access.departmentMembers(scope.communeCode(), departmentCode);
        if (members.isEmpty()) {
            return texts.get("approval.escalate.no-members");
        }
        Flow flow = scope.flowOf(departmentCode).orElseThrow();
        Set<Long> answered = new HashSet<>();
        collection.histories(period.getId(), flow.questions().stream().map(Question::id).toList())
                .values().forEach(changes -> changes.forEach(c -> answered.add(c.changedBy())));
        List<String> silent = members.stream().filter(m -> !answered.contains(m.getId()))
                .map(m -> m.getDisplayName() == null || m.getDisplayName().isBlank() ? texts.get("who.someone") : m.getDisplayName())
                .toList();
        return silent.isEmpty() ? texts.get("approval.escalate.nobody-silent") : String.join(", ", silent);
    }

    private boolean claim(ReportingPeriod period, String step, Member member) {
        if (log.existsByPeriodIdAndSlotKeyAndMemberId(period.getId(), step, member.getId())) {
            return false;
        }
        log.save(new ReminderLog(period.getId(), step, member.getId(), clock.instant()));
        return true;
    }
}
