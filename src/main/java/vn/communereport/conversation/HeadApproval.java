package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.collection.PartApprovals;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Department;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Texts;

/**
 * The department head's «Duyệt» and «Trả lại» under a submitted part. Button data names the submission and its
 * version; it is checked against the head's own department and commune and against the part as it is now, so a forged
 * button or a stale one (decided already, reopened, submitted again) gets a sentence and changes nothing.
 */
@Component
class HeadApproval {

    /** A part the person pressing may decide on, as it is now. */
    private record Part(Submission submission, ReportingPeriod period, ReportScope scope, Department department) {
    }

    private final PartApprovals decisions;
    private final ApprovalRequests approvals;
    private final PeriodService periods;
    private final ReportScopes scopes;
    private final AccessService access;
    private final PartSubmission submissions;
    private final Screens screens;
    private final Texts texts;
    private final OfficeMenu buttons;

    HeadApproval(PartApprovals decisions, ApprovalRequests approvals, PeriodService periods, ReportScopes scopes,
                 AccessService access, PartSubmission submissions, Screens screens, Texts texts, OfficeMenu buttons) {
        this.decisions = decisions;
        this.approvals = approvals;
        this.periods = periods;
        this.scopes = scopes;
        this.access = access;
        this.submissions = submissions;
        this.screens = screens;
        this.texts = texts;
        this.buttons = buttons;
    }

    void approve(Turn turn, String reference) {
        Optional<Part> part = part(turn, reference);
        if (part.isEmpty()) {
            return;
        }
        Part p = part.get();
        long version = version(reference);
        PartApprovals.Decision decision = decisions.approve(p.submission().getId(), version, turn.member.getId(),
                p.scope().owingDepartments());
        if (!said(turn, decision.outcome())) {
            return;
        }
        turn.say(texts.get("approval.approved", p.department().name(), screens.about(p.scope(), p.period())));
        String text = texts.get("approval.approved-member", p.department().name(), screens.about(p.scope(), p.period()),
                screens.who(turn.member.getId()));
        turn.tellOthers(access.departmentMembers(p.scope().communeCode(), p.department().code()), text, List.of());
        turn.out.addAll(submissions.officeNotices(p.scope(), p.period(), p.department(), p.submission().getSubmittedBy(),
                decision.allInNow()));
    }

    /** «Trả lại»: one short question, the comment the members will read. */
    void askComment(Turn turn, String reference) {
        Optional<Part> part = part(turn, reference);
        if (part.isEmpty()) {
            return;
        }
        turn.state.awaitReturnComment(reference);
        turn.say(texts.get("approval.ask-comment", part.get().department().name()));
    }

    /** The comment the head was asked for: the part reopens for its department's members, each told with it. */
    void withComment(Turn turn, String comment) {
        String reference = turn.state.context();
        if (comment.isBlank() || comment.length() > OfficeDesk.MAX_COMMENT) {
            turn.say(texts.get("approval.comment-invalid"));
            return;
        }
        turn.state.idle();
        Optional<Part> part = part(turn, reference == null ? "" : reference);
        if (part.isEmpty()) {
            return;
        }
        Part p = part.get();
        PartApprovals.Decision decision = decisions.giveBack(p.submission().getId(), version(reference), turn.member.getId(), comment);
        if (!said(turn, decision.outcome())) {
            return;
        }
        turn.say(texts.get("approval.returned", p.department().name()));
        String text = texts.get("approval.returned-member", p.department().name(), screens.about(p.scope(), p.period()),
                screens.who(turn.member.getId()), comment);
        turn.tellOthers(access.departmentMembers(p.scope().communeCode(), p.department().code()), text,
                List.of(List.of(buttons.reviewButton())));
    }

    /** The part a reference names, if the person may decide on it; otherwise they are told why, and nothing changes. */
    private Optional<Part> part(Turn turn, String reference) {
        Optional<Submission> submission = parse(reference).flatMap(decisions::submission);
        Optional<ReportingPeriod> period = submission.flatMap(s -> periods.byId(s.getPeriodId()));
        Optional<ReportScope> scope = period.flatMap(p -> scopes.of(p.getCommuneCode(), p.getReportCode()));
        if (scope.isEmpty() || !approvals.mayDecide(turn.member, scope.get(), submission.get())) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.not-yours"));
            return Optional.empty();
        }
        if (!submission.get().awaitsApproval() || submission.get().getVersion() != version(reference)) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.stale"));
            return Optional.empty();
        }
        Department department = scope.get().commune().department(submission.get().getDepartmentCode()).orElse(null);
        if (department == null) {
            turn.say(texts.get("approval.not-yours"));
            return Optional.empty();
        }
        return Optional.of(new Part(submission.get(), period.get(), scope.get(), department));
    }

    /** Tells the person a decision that could not be taken; true when it was taken. */
    private boolean said(Turn turn, PartApprovals.Outcome outcome) {
        if (outcome == PartApprovals.Outcome.NOT_WAITING) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.stale"));
            return false;
        }
        if (outcome == PartApprovals.Outcome.PERIOD_CLOSED) {
            turn.say(texts.get("approval.period-closed"));
            return false;
        }
        return true;
    }

    private static Optional<Long> parse(String reference) {
        String[] parts = reference.split("-");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }

    private static long version(String reference) {
        String[] parts = reference.split("-");
        return parts.length == 2 && parts[1].matches("\\d{1,18}") ? Long.parseLong(parts[1]) : -1;
    }
}
