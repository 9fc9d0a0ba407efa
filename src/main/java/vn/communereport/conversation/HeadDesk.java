package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PartApprovals;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * The office names and removes department heads without a channel, as {@link OfficeDesk} does its changes: the chat
 * ({@code /truongphong}) and the web console both call it and write the returned messages to the outbox. A newly named
 * head is sent the part of their department that waits for approval, if one does.
 */
@Component
public class HeadDesk {

    private final DepartmentHeads heads;
    private final ApprovalRequests approvals;
    private final PartApprovals decisions;
    private final CollectionService collection;
    private final PeriodService periods;
    private final ReportScopes scopes;
    private final Screens screens;
    private final Texts texts;

    HeadDesk(DepartmentHeads heads, ApprovalRequests approvals, PartApprovals decisions, CollectionService collection,
             PeriodService periods, ReportScopes scopes, Screens screens, Texts texts) {
        this.heads = heads;
        this.approvals = approvals;
        this.decisions = decisions;
        this.collection = collection;
        this.periods = periods;
        this.scopes = scopes;
        this.screens = screens;
        this.texts = texts;
    }

    /** Names a member of the admin's commune head of the department they are in; the head (and the one replaced) are told. */
    public OfficeDesk.Result<DepartmentHeads.Named> name(ReportScope scope, Member admin, long memberId) {
        DepartmentHeads.Named named = heads.name(admin, memberId);
        if (named.outcome() != DepartmentHeads.Naming.NAMED) {
            return new OfficeDesk.Result<>(named, List.of());
        }
        Member head = named.head();
        String department = departmentName(scope, head.getDepartmentCode());
        List<Outbound> notices = new ArrayList<>();
        notices.add(new Outbound(Recipient.member(head.getId()),
                texts.get("approval.heads.named-member", department, screens.who(admin.getId())), List.of()));
        named.previous().ifPresent(p -> notices.add(new Outbound(Recipient.member(p.getId()),
                texts.get("approval.heads.removed-member", department), List.of())));
        notices.addAll(waitingFor(head));
        return new OfficeDesk.Result<>(named, notices);
    }

    /** Removes the department's head, who is told; empty when it has none. */
    public OfficeDesk.Result<Optional<Member>> remove(ReportScope scope, Member admin, String departmentCode) {
        Optional<Member> removed = heads.remove(admin, departmentCode);
        if (removed.isEmpty()) {
            return new OfficeDesk.Result<>(removed, List.of());
        }
        return new OfficeDesk.Result<>(removed, List.of(new Outbound(Recipient.member(removed.get().getId()),
                texts.get("approval.heads.removed-member", departmentName(scope, departmentCode)), List.of())));
    }

    String departmentName(ReportScope scope, String departmentCode) {
        return scope.commune().department(departmentCode).map(Department::name).orElse(departmentCode);
    }

    /** Parts of the head's department that wait for approval now go to them (the head before may have left). */
    private List<Outbound> waitingFor(Member head) {
        List<Outbound> requests = new ArrayList<>();
        for (ReportScope scope : scopes.owedBy(head.getCommuneCode())) {
            Optional<Flow> flow = scope.flowOf(head.getDepartmentCode());
            if (flow.isEmpty()) {
                continue;
            }
            for (ReportingPeriod period : periods.openPeriods(scope.communeCode(), scope.report())) {
                if (!decisions.awaitsApproval(period.getId(), flow.get().departmentCode())) {
                    continue;
                }
                Optional<Submission> submission = collection.submission(period.getId(), flow.get().departmentCode());
                if (submission.isPresent() && approvals.mayDecide(head, scope, submission.get())) {
                    requests.addAll(approvals.requests(scope, period, flow.get(), submission.get(), ApprovalRequests.Route.HEAD));
                }
            }
        }
        return requests;
    }
}
