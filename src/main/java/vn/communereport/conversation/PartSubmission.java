package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PartApprovals;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * A member hands in the department's part, whatever the channel: the chat after its confirmation button, the
 * web form after its confirmation page. Returns what became of it and the notices for colleagues and the office;
 * the caller writes them to the outbox with its own reply, in the same transaction.
 */
@Service
public class PartSubmission {

    public enum Kind { SUBMITTED, INCOMPLETE, NOT_SUBMITTED }

    /** {@code missing}: required questions still unanswered (INCOMPLETE); NOT_SUBMITTED: already in, or the period closed. */
    public record Result(Kind kind, int missing, List<Outbound> notices) {
    }

    private final CollectionService collection;
    private final AccessService access;
    private final Texts texts;
    private final Screens screens;
    private final OfficeMenu buttons;
    private final ApprovalRequests approvals;
    private final PartApprovals decisions;

    PartSubmission(CollectionService collection, AccessService access, Texts texts, Screens screens, OfficeMenu buttons,
                   ApprovalRequests approvals, PartApprovals decisions) {
        this.approvals = approvals;
        this.decisions = decisions;
        this.collection = collection;
        this.access = access;
        this.texts = texts;
        this.screens = screens;
        this.buttons = buttons;
    }

    @Transactional
    public Result submit(Member member, ReportScope scope, ReportingPeriod period, Flow flow) {
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        int missing = collection.missingRequired(flow, stored).size();
        if (missing > 0) {
            return new Result(Kind.INCOMPLETE, missing, List.of());
        }
        List<String> owing = scope.owingDepartments();
        ApprovalRequests.Route route = approvals.route(scope, member, flow.departmentCode());
        CollectionService.SubmitResult result = collection.submit(period, flow.departmentCode(), member.getId(), owing,
                route != ApprovalRequests.Route.NONE);
        if (!result.submitted()) {
            return new Result(Kind.NOT_SUBMITTED, 0, List.of());
        }
        List<Outbound> notices = new ArrayList<>();
        Department department = scope.department(flow.departmentCode());
        String who = screens.who(member.getId());
        String toColleagues = texts.get("submit.colleague", who, department.name(), texts.get("communes.report-period", scope.report().name(), period.key().label()));
        for (Member colleague : access.departmentMembers(scope.communeCode(), department.code())) {
            if (!colleague.getId().equals(member.getId())) {
                notices.add(new Outbound(Recipient.member(colleague.getId()), toColleagues, List.of()));
            }
        }
        boolean allIn = result.allInNow();
        if (route != ApprovalRequests.Route.NONE) {
            Submission submission = collection.submission(period.getId(), flow.departmentCode()).orElseThrow();
            if (route != ApprovalRequests.Route.OWN) {
                // Waiting for its head (or the office): it counts as in only once approved; the office is told then.
                notices.add(approvals.sentTo(member, scope, flow.departmentCode(), route));
                notices.addAll(approvals.requests(scope, period, flow, submission, route));
                return new Result(Kind.SUBMITTED, 0, notices);
            }
            // A head handing in their own part approves it as they do, where the report allows it; both are audited.
            allIn = decisions.approve(submission.getId(), submission.getVersion(), member.getId(), owing).allInNow();
        }
        notices.addAll(officeNotices(scope, period, department, member.getId(), allIn));
        return new Result(Kind.SUBMITTED, 0, notices);
    }

    /** What the office is told when a part comes in: how many are in, or that all are, with the compile button. */
    List<Outbound> officeNotices(ReportScope scope, ReportingPeriod period, Department department, long actorId, boolean allInNow) {
        List<Outbound> notices = new ArrayList<>();
        List<String> owing = scope.owingDepartments();
        String who = screens.who(actorId);
        // The office is told how many parts are in: counted from the submissions, not from every answer of the period.
        long done = collection.submittedCount(period.getId(), owing);
        List<Member> admins = access.officeAdmins(scope.communeCode());
        if (allInNow) {
            String text = texts.get("office.all-in", scope.report().name(), period.key().label(), done);
            List<List<Outbound.Button>> rows = List.of(List.of(buttons.compileButton(period.getId())), List.of(buttons.progressButton()));
            admins.forEach(admin -> notices.add(new Outbound(Recipient.member(admin.getId()), text, rows)));
        } else {
            String text = texts.get("communes.office.part-in", department.name(), who, done, owing.size(),
                    texts.get("communes.report-period", scope.report().name(), period.key().label()));
            List<List<Outbound.Button>> rows = List.of(List.of(buttons.progressButton()));
            for (Member admin : admins) {
                if (!admin.getId().equals(actorId)) {
                    notices.add(new Outbound(Recipient.member(admin.getId()), text, rows));
                }
            }
        }
        return notices;
    }
}
