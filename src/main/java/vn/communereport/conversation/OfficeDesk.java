package vn.communereport.conversation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * The office's changes without a channel: each makes the change and returns what it means for members, the messages
 * they are to get. The caller writes those to the outbox in its own transaction: the chat with the turn's reply, the
 * web console on its own. The messages are the chat's (with its buttons), whichever channel the office acted on.
 */
@Component
public class OfficeDesk {

    public static final int MAX_COMMENT = 1000;

    /** What an action came to, and the messages to members it causes. */
    public record Result<T>(T outcome, List<Outbound> notices) {

        public Result {
            notices = List.copyOf(notices);
        }

        static <T> Result<T> only(T outcome) {
            return new Result<>(outcome, List.of());
        }
    }

    public enum Reopen { REOPENED, NOT_SUBMITTED, COMMENT_INVALID, UNKNOWN_DEPARTMENT }

    public enum Open { OPENED, WRONG_PERIOD, DEADLINE_PAST, ANOTHER_OPEN }

    /** {@code period}: the one opened, or the other one still open; {@code deadline}: as members read it. */
    public record Opening(Open outcome, ReportingPeriod period, String deadline) {
    }

    private final AccessService access;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Texts texts;
    private final Screens screens;
    private final OfficeMenu buttons;
    private final Clock clock;

    OfficeDesk(AccessService access, PeriodService periods, CollectionService collection, Texts texts, Screens screens,
               OfficeMenu buttons, Clock clock) {
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.texts = texts;
        this.screens = screens;
        this.buttons = buttons;
        this.clock = clock;
    }

    /** The periods the office may open: the one containing today, the one before and the one after. */
    public List<PeriodKey> openable(ReportScope scope) {
        PeriodKey current = PeriodKey.containing(scope.report().frequency(), java.time.LocalDate.now(clock));
        return List.of(current.previous(), current, current.next());
    }

    /** Sends a submitted part of the current period back with the office's comment; its members are told. */
    public Result<Reopen> reopen(ReportScope scope, Member admin, String departmentCode, String comment) {
        Optional<Department> department = scope.commune().department(departmentCode);
        if (department.isEmpty() || scope.flowOf(departmentCode).isEmpty()) {
            return Result.only(Reopen.UNKNOWN_DEPARTMENT);
        }
        if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT) {
            return Result.only(Reopen.COMMENT_INVALID);
        }
        ReportingPeriod period = periods.currentPeriod(scope);
        if (!collection.reopen(period, departmentCode, admin.getId(), comment)) {
            return Result.only(Reopen.NOT_SUBMITTED);
        }
        String text = texts.get("reopen.member", department.get().name(), texts.get("communes.report-period", scope.report().name(), period.key().label()), screens.who(admin.getId()), comment);
        return new Result<>(Reopen.REOPENED, toEach(access.departmentMembers(scope.communeCode(), departmentCode), text,
                List.of(List.of(buttons.reviewButton()))));
    }

    /** Opens a period with its deadline (or moves the deadline of the open one); every department's members are told. */
    public Result<Opening> openPeriod(ReportScope scope, Member admin, PeriodKey key, ZonedDateTime deadline) {
        if (key.frequency() != scope.report().frequency()) {
            return Result.only(new Opening(Open.WRONG_PERIOD, null, null));
        }
        if (!deadline.toInstant().isAfter(clock.instant())) {
            return Result.only(new Opening(Open.DEADLINE_PAST, null, null));
        }
        PeriodService.Opening opening = periods.open(scope.communeCode(), scope.report(), key, deadline.toInstant());
        if (opening.outcome() == PeriodService.OpenOutcome.ANOTHER_OPEN) {
            return Result.only(new Opening(Open.ANOTHER_OPEN, opening.period(), null));
        }
        String when = DateTimeFormatter.ofPattern(texts.get("period.deadline-format")).format(deadline);
        collection.recordPeriodEvent(opening.period(), "PERIOD_OPENED", admin.getId(), when);
        List<Outbound> notices = new ArrayList<>();
        for (Flow flow : scope.flows()) {
            notices.addAll(toEach(access.departmentMembers(scope.communeCode(), flow.departmentCode()),
                    texts.get("period.opened-member", scope.report().name(), key.label(), when,
                            scope.department(flow.departmentCode()).name(), flow.size()),
                    List.of(List.of(buttons.answerButton("button.start", scope.report().code())))));
        }
        return new Result<>(new Opening(Open.OPENED, opening.period(), when), notices);
    }

    /** Closes the current period if it is the one meant and open; the departments that had not submitted are told. */
    public Result<Boolean> closePeriod(ReportScope scope, Member admin, long periodId) {
        ReportingPeriod period = periods.currentPeriod(scope);
        if (period.getId() != periodId || !periods.close(period.getId())) {
            return Result.only(false);
        }
        collection.recordPeriodEvent(period, "PERIOD_CLOSED", admin.getId(), null);
        List<Outbound> notices = new ArrayList<>();
        for (DepartmentProgress progress : collection.progress(period, scope.flows())) {
            // A part waiting for its head was handed in: its members were not late.
            if (progress.state() != DepartmentProgress.State.SUBMITTED && progress.state() != DepartmentProgress.State.AWAITING_APPROVAL) {
                notices.addAll(toEach(access.departmentMembers(scope.communeCode(), progress.departmentCode()),
                        texts.get("period.closed-late", scope.report().name(), period.key().label(),
                                scope.department(progress.departmentCode()).name(), scope.office()), List.of()));
            }
        }
        return new Result<>(true, notices);
    }

    /** Takes a person of the admin's commune out of their department; they are told. Empty when there is no such person. */
    public Result<Optional<Member>> revoke(ReportScope scope, Member admin, long memberId) {
        Optional<Member> revoked = access.revoke(admin, memberId);
        if (revoked.isEmpty()) {
            return Result.only(revoked);
        }
        return new Result<>(revoked, List.of(new Outbound(Recipient.member(revoked.get().getId()),
                texts.get("revoke.member", scope.office()), List.of())));
    }

    private static List<Outbound> toEach(List<Member> people, String text, List<List<Outbound.Button>> buttons) {
        return people.stream().map(m -> new Outbound(Recipient.member(m.getId()), text, buttons)).toList();
    }
}
