package vn.communereport.web.approval;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.Member;
import vn.communereport.conversation.ApprovalDesk;
import vn.communereport.messaging.Outbox;

/**
 * The head's decisions from the browser: the chat's own use case ({@link ApprovalDesk}), with the messages it causes
 * (members, the office, "all parts are in") written to the outbox in the same transaction as the decision.
 */
@Service
class WebApproval {

    private final ApprovalDesk desk;
    private final Outbox outbox;

    WebApproval(ApprovalDesk desk, Outbox outbox) {
        this.desk = desk;
        this.outbox = outbox;
    }

    @Transactional
    public ApprovalDesk.Decision approve(Member head, long submissionId, long version) {
        return sent(desk.approve(head, submissionId, version));
    }

    @Transactional
    public ApprovalDesk.Decision giveBack(Member head, long submissionId, long version, String comment) {
        return sent(desk.giveBack(head, submissionId, version, comment));
    }

    private ApprovalDesk.Decision sent(ApprovalDesk.Decision decision) {
        outbox.enqueue(decision.notices());
        return decision;
    }
}
