package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.ApprovalPolicy;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * Who approves a submitted part, and the message that asks them: where the report asks for the head's approval and
 * the department has a head, the head does, or (their own part, unless the report lets a head approve it) the office.
 * A department with no head named hands its part in as before. Buttons carry the submission and its version, so a
 * part decided, reopened or submitted again makes them stale.
 */
@Component
class ApprovalRequests {

    /** How a part about to be handed in is approved. */
    enum Route { NONE, HEAD, OFFICE, OWN }

    private final DepartmentHeads heads;
    private final AccessService access;
    private final CollectionService collection;
    private final ReviewScreen review;
    private final Screens screens;
    private final Texts texts;
    private final ActionCodec actions;
    private final ChannelLimits limits;
    private final Optional<WebLinks> web;

    ApprovalRequests(DepartmentHeads heads, AccessService access, CollectionService collection, ReviewScreen review,
                     Screens screens, Texts texts, ActionCodec actions, ChannelLimits limits, Optional<WebLinks> web) {
        this.web = web;
        this.heads = heads;
        this.access = access;
        this.collection = collection;
        this.review = review;
        this.screens = screens;
        this.texts = texts;
        this.actions = actions;
        this.limits = limits;
    }

    /** How the part this member hands in is to be approved. */
    Route route(ReportScope scope, Member submitter, String departmentCode) {
        ApprovalPolicy policy = scope.report().approval();
        Optional<Member> head = heads.headOf(scope.communeCode(), departmentCode);
        if (policy == null || !policy.byHead() || head.isEmpty()) {
            return Route.NONE;
        }
        if (!head.get().getId().equals(submitter.getId())) {
            return Route.HEAD;
        }
        return policy.headApprovesOwn() ? Route.OWN : Route.OFFICE;
    }

    /** Whether this person may approve or return the part: its head, or the office for a head's own part. */
    boolean mayDecide(Member actor, ReportScope scope, Submission submission) {
        if (!actor.isActive() || !actor.getCommuneCode().equals(scope.communeCode())) {
            return false;
        }
        Optional<Member> head = heads.headOf(scope.communeCode(), submission.getDepartmentCode());
        boolean ownPart = actor.getId().equals(submission.getSubmittedBy());
        if (head.isPresent() && head.get().getId().equals(actor.getId())) {
            return !ownPart || scope.report().approval().headApprovesOwn();
        }
        boolean headsOwnPart = head.isPresent() && head.get().getId().equals(submission.getSubmittedBy());
        return actor.isOfficeAdmin() && !ownPart && (headsOwnPart || head.isEmpty());
    }

    /** The messages that put the part to its approvers: the summary, then «Duyệt» and «Trả lại». */
    List<Outbound> requests(ReportScope scope, ReportingPeriod period, Flow flow, Submission submission, Route route) {
        List<Member> approvers = new ArrayList<>();
        if (route == Route.HEAD) {
            heads.headOf(scope.communeCode(), flow.departmentCode()).ifPresent(approvers::add);
        } else if (route == Route.OFFICE) {
            access.officeAdmins(scope.communeCode()).stream().filter(a -> !a.getId().equals(submission.getSubmittedBy()))
                    .forEach(approvers::add);
        }
        List<Outbound> messages = new ArrayList<>();
        for (Member approver : approvers) {
            messages.addAll(request(scope, period, flow, submission, approver));
        }
        return messages;
    }

    /** The request to one approver: the summary, then «Duyệt» and «Trả lại» (and the web page, where there is one). */
    List<Outbound> request(ReportScope scope, ReportingPeriod period, Flow flow, Submission submission, Member approver) {
        String reference = submission.getId() + "-" + submission.getVersion();
        String text = texts.get("approval.request", screens.who(submission.getSubmittedBy()),
                scope.department(flow.departmentCode()).name(), screens.about(scope, period))
                + '\n' + review.lines(scope.report(), period.getId(), flow, collection.departmentAnswers(period.getId(), flow.departmentCode()))
                + "\n\n" + texts.get("approval.request-footer");
        List<List<Button>> buttons = new ArrayList<>(List.of(List.of(
                actions.button(texts.get("approval.button.approve"), Action.of(Act.APPROVE_PART, reference)),
                actions.button(texts.get("approval.button.return"), Action.of(Act.RETURN_PART, reference)))));
        Optional<String> page = web.flatMap(WebLinks::approvalPageUrl);
        if (page.isPresent() && page.get().startsWith("https://")) {
            buttons.add(List.of(Button.webApp(texts.get("approvalweb.button.web"), page.get())));
        } else if (page.isPresent()) {
            text += "\n" + texts.get("approvalweb.request.web", page.get());
        }
        List<String> parts = Screens.split(text, limits.messageLength());
        List<Outbound> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            messages.add(new Outbound(Recipient.member(approver.getId()), parts.get(i), i == parts.size() - 1 ? buttons : List.of()));
        }
        return messages;
    }

    /** What the submitter is told besides "Đã nộp": whom the part went to. */
    Outbound sentTo(Member submitter, ReportScope scope, String departmentCode, Route route) {
        String text = route == Route.HEAD
                ? texts.get("approval.sent-to-head", screens.who(heads.headOf(scope.communeCode(), departmentCode).orElseThrow().getId()))
                : texts.get("approval.sent-to-office", scope.office());
        return new Outbound(Recipient.member(submitter.getId()), text, List.of());
    }
}
