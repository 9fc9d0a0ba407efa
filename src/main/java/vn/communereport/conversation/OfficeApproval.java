package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Flow;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/**
 * A part waits for its head's approval but the department has no head any more (removed, or left): the office decides
 * itself. {@code /tiendo} offers a button per such part; it sends the office the same request a head gets (the summary,
 * «Duyệt», «Trả lại»), whose presses {@link ApprovalDesk} checks like any other. While a head exists it says so.
 */
@Component
class OfficeApproval {

    private final ApprovalDesk desk;
    private final ApprovalRequests requests;
    private final CollectionService collection;
    private final PeriodService periods;
    private final ActionCodec actions;
    private final Texts texts;

    OfficeApproval(ApprovalDesk desk, ApprovalRequests requests, CollectionService collection,
                   PeriodService periods, ActionCodec actions, Texts texts) {
        this.desk = desk;
        this.requests = requests;
        this.collection = collection;
        this.periods = periods;
        this.actions = actions;
        this.texts = texts;
    }

    /** A button row for each waiting part of the period the office decides on itself. */
    List<List<Button>> buttons(Turn turn, ReportingPeriod period, List<DepartmentProgress> progress) {
        List<List<Button>> rows = new ArrayList<>();
        for (DepartmentProgress p : progress) {
            if (p.state() == DepartmentProgress.State.AWAITING_APPROVAL && desk.headOf(turn.scope, p.departmentCode()).isEmpty()) {
                rows.add(List.of(actions.button(texts.get("approvalweb.office.button", turn.scope.department(p.departmentCode()).name()),
                        Action.of(Act.OFFICE_APPROVAL, p.departmentCode()))));
            }
        }
        return rows;
    }

    /** The request for the department's waiting part, to this administrator; or why the office does not decide on it. */
    void show(Turn turn, String departmentCode) {
        Optional<Flow> flow = turn.scope.commune().department(departmentCode).flatMap(d -> turn.scope.flowOf(departmentCode));
        if (flow.isEmpty()) {
            Stale.button(turn, texts);
            return;
        }
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        Optional<Submission> submission = collection.submission(period.getId(), departmentCode).filter(Submission::awaitsApproval);
        if (submission.isEmpty()) {
            Stale.button(turn, texts);
            turn.say(texts.get("approvalweb.office.not-waiting", turn.scope.department(departmentCode).name()));
            return;
        }
        ApprovalDesk.Decision refusal = desk.check(turn.member, submission.get().getId(), submission.get().getVersion());
        if (refusal != null) {
            turn.say(refusal.said());
            return;
        }
        Member admin = turn.member;
        turn.out.addAll(requests.request(turn.scope, period, flow.get(), submission.get(), admin));
    }
}
