package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PartApprovals;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * Approving or returning a part that waits for approval, without a channel: the chat's «Duyệt» / «Trả lại» and the web's
 * approval page both call it. A decision names the submission and its version (what the person saw), is checked against
 * who may decide (the department's head; the office only for a head's own part or a department with no head left) and
 * against the part as it is now; it returns what the person acting is told and the messages others are to get, which
 * the caller writes to the outbox in its own transaction.
 */
@Component
public class ApprovalDesk {

    public enum Outcome { APPROVED, RETURNED, NOT_YOURS, HEAD_DECIDES, STALE, PERIOD_CLOSED, COMMENT_INVALID }

    /** {@code said}: the sentence for the person acting; {@code notices}: what the others are to get. */
    public record Decision(Outcome outcome, String said, List<Outbound> notices) {

        public Decision {
            notices = List.copyOf(notices);
        }

        public boolean taken() {
            return outcome == Outcome.APPROVED || outcome == Outcome.RETURNED;
        }
    }

    /**
     * A part this person may decide on now, with the summary the chat's request shows (one line a figure or block) and
     * the whole text of each narrative block, which the summary shortens.
     */
    public record Waiting(long submissionId, long version, String departmentCode, String departmentName, String about,
                          String submittedBy, String submittedAt, List<String> summary, List<FullText> texts) {
    }

    /** A narrative block's whole text, under the place in the report it fills. */
    public record FullText(String place, String text) {
    }

    /** The part a decision is about, as it is now. */
    record Part(Submission submission, ReportingPeriod period, ReportScope scope, Department department) {
    }

    private final PartApprovals decisions;
    private final ApprovalRequests approvals;
    private final DepartmentHeads heads;
    private final PeriodService periods;
    private final ReportScopes scopes;
    private final CollectionService collection;
    private final AccessService access;
    private final PartSubmission submissions;
    private final ReviewScreen review;
    private final Screens screens;
    private final Texts texts;
    private final OfficeMenu buttons;

    ApprovalDesk(PartApprovals decisions, ApprovalRequests approvals, DepartmentHeads heads, PeriodService periods,
                 ReportScopes scopes, CollectionService collection, AccessService access, PartSubmission submissions,
                 ReviewScreen review, Screens screens, Texts texts, OfficeMenu buttons) {
        this.decisions = decisions;
        this.approvals = approvals;
        this.heads = heads;
        this.periods = periods;
        this.scopes = scopes;
        this.collection = collection;
        this.access = access;
        this.submissions = submissions;
        this.review = review;
        this.screens = screens;
        this.texts = texts;
        this.buttons = buttons;
    }

    /** Approves the part as submitted in {@code version}: members and the office are told, as from the chat. */
    public Decision approve(Member actor, long submissionId, long version) {
        Located located = locate(actor, submissionId, version);
        if (located.refusal() != null) {
            return located.refusal();
        }
        Part p = located.part();
        PartApprovals.Decision decision = decisions.approve(submissionId, version, actor.getId(), p.scope().owingDepartments());
        Decision refused = refusal(decision.outcome());
        if (refused != null) {
            return refused;
        }
        String about = screens.about(p.scope(), p.period());
        List<Outbound> notices = new ArrayList<>(others(actor, p,
                texts.get("approval.approved-member", p.department().name(), about, screens.who(actor.getId())), List.of()));
        notices.addAll(submissions.officeNotices(p.scope(), p.period(), p.department(), p.submission().getSubmittedBy(),
                decision.allInNow()));
        return new Decision(Outcome.APPROVED, texts.get("approval.approved", p.department().name(), about), notices);
    }

    /** Returns the part with a comment: it reopens for the department's members, each told with the comment. */
    public Decision giveBack(Member actor, long submissionId, long version, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty() || text.length() > OfficeDesk.MAX_COMMENT) {
            return new Decision(Outcome.COMMENT_INVALID, texts.get("approvalweb.comment-invalid", OfficeDesk.MAX_COMMENT), List.of());
        }
        Located located = locate(actor, submissionId, version);
        if (located.refusal() != null) {
            return located.refusal();
        }
        Part p = located.part();
        PartApprovals.Decision decision = decisions.giveBack(submissionId, version, actor.getId(), text);
        Decision refused = refusal(decision.outcome());
        if (refused != null) {
            return refused;
        }
        boolean byHead = heads.isHead(actor) && p.department().code().equals(actor.getDepartmentCode());
        String toMembers = byHead
                ? texts.get("approval.returned-member", p.department().name(), screens.about(p.scope(), p.period()),
                        screens.who(actor.getId()), text)
                : texts.get("approvalweb.returned-member-office", p.department().name(), screens.about(p.scope(), p.period()),
                        screens.who(actor.getId()), text, p.scope().office());
        return new Decision(Outcome.RETURNED, texts.get("approval.returned", p.department().name()),
                others(actor, p, toMembers, List.of(List.of(buttons.reviewButton()))));
    }

    /** Why this person may not decide on the part now, or null when they may (the chat asks for the comment then). */
    public Decision check(Member actor, long submissionId, long version) {
        return locate(actor, submissionId, version).refusal();
    }

    /** The parts waiting for this person's decision now, in every open period of the reports their commune owes. */
    public List<Waiting> waitingFor(Member actor) {
        List<Waiting> waiting = new ArrayList<>();
        if (!actor.isActive() || actor.getCommuneCode() == null) {
            return waiting;
        }
        for (ReportScope scope : scopes.owedBy(actor.getCommuneCode())) {
            for (ReportingPeriod period : periods.openPeriods(scope.communeCode(), scope.report())) {
                for (Flow flow : scope.flows()) {
                    waiting(actor, scope, period, flow).ifPresent(waiting::add);
                }
            }
        }
        return waiting;
    }

    /** The department's part of the period, if it waits for this person's decision. */
    public Optional<Waiting> waiting(Member actor, ReportScope scope, ReportingPeriod period, Flow flow) {
        Optional<Submission> submission = collection.submission(period.getId(), flow.departmentCode())
                .filter(Submission::awaitsApproval).filter(s -> approvals.mayDecide(actor, scope, s));
        if (submission.isEmpty()) {
            return Optional.empty();
        }
        Submission s = submission.get();
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        String lines = review.lines(scope.report(), period.getId(), flow, stored);
        List<FullText> texts = new ArrayList<>();
        for (Question question : flow.questions()) {
            Answer answer = stored.get(question.id());
            if (answer != null && !answer.value().skipped() && question.type().gathered() && answer.value().text() != null) {
                texts.add(new FullText(screens.place(scope.report(), question), answer.value().text()));
            }
        }
        return Optional.of(new Waiting(s.getId(), s.getVersion(), flow.departmentCode(), scope.department(flow.departmentCode()).name(),
                screens.about(scope, period), screens.who(s.getSubmittedBy()), screens.when(s.getSubmittedAt()),
                List.of(lines.strip().split("\n")), List.copyOf(texts)));
    }

    /** The name of the department a submission is of, for the chat's question; empty for one not found. */
    public String departmentName(long submissionId) {
        return decisions.submission(submissionId).flatMap(s -> periods.byId(s.getPeriodId()))
                .flatMap(p -> scopes.of(p.getCommuneCode(), p.getReportCode()))
                .flatMap(scope -> scope.commune().department(decisions.submission(submissionId).orElseThrow().getDepartmentCode()))
                .map(Department::name).orElse("");
    }

    /** The head who decides on the department's part instead of the office, if one is named. */
    public Optional<Member> headOf(ReportScope scope, String departmentCode) {
        return heads.headOf(scope.communeCode(), departmentCode);
    }

    private record Located(Part part, Decision refusal) {
    }

    private Located locate(Member actor, long submissionId, long version) {
        Optional<Submission> submission = decisions.submission(submissionId);
        Optional<ReportingPeriod> period = submission.flatMap(s -> periods.byId(s.getPeriodId()));
        Optional<ReportScope> scope = period.flatMap(p -> scopes.of(p.getCommuneCode(), p.getReportCode()));
        Optional<Department> department = scope.flatMap(s -> s.commune().department(submission.get().getDepartmentCode()));
        if (department.isEmpty() || !approvals.mayDecide(actor, scope.get(), submission.get())) {
            return new Located(null, notYours(actor, scope, submission));
        }
        if (!submission.get().awaitsApproval() || submission.get().getVersion() != version) {
            return new Located(null, new Decision(Outcome.STALE, texts.get("approvalweb.stale"), List.of()));
        }
        return new Located(new Part(submission.get(), period.get(), scope.get(), department.get()), null);
    }

    /** Not this person's to decide; for the office of the commune, because the department has a head who decides. */
    private Decision notYours(Member actor, Optional<ReportScope> scope, Optional<Submission> submission) {
        if (scope.isPresent() && actor.isOfficeAdmin() && actor.isActive() && actor.getCommuneCode().equals(scope.get().communeCode())) {
            Optional<Member> head = heads.headOf(scope.get().communeCode(), submission.get().getDepartmentCode());
            if (head.isPresent() && !head.get().getId().equals(actor.getId())) {
                return new Decision(Outcome.HEAD_DECIDES, texts.get("approvalweb.head-decides",
                        scope.get().department(submission.get().getDepartmentCode()).name(), screens.who(head.get().getId())), List.of());
            }
        }
        return new Decision(Outcome.NOT_YOURS, texts.get("approval.not-yours"), List.of());
    }

    private Decision refusal(PartApprovals.Outcome outcome) {
        if (outcome == PartApprovals.Outcome.NOT_WAITING) {
            return new Decision(Outcome.STALE, texts.get("approvalweb.stale"), List.of());
        }
        if (outcome == PartApprovals.Outcome.PERIOD_CLOSED) {
            return new Decision(Outcome.PERIOD_CLOSED, texts.get("approval.period-closed"), List.of());
        }
        return null;
    }

    /** The department's members but the person acting. */
    private List<Outbound> others(Member actor, Part p, String text, List<List<Outbound.Button>> rows) {
        List<Outbound> notices = new ArrayList<>();
        for (Member member : access.departmentMembers(p.scope().communeCode(), p.department().code())) {
            if (!member.getId().equals(actor.getId())) {
                notices.add(new Outbound(Recipient.member(member.getId()), text, rows));
            }
        }
        return notices;
    }
}
