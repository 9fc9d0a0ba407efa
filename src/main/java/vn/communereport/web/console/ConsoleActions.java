package vn.communereport.web.console;

import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.Member;
import vn.communereport.collection.PeriodKey;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.messaging.Outbox;

/**
 * The console's changes: the office's own use cases ({@link OfficeDesk}, the same the chat runs), each in one
 * transaction with the messages it causes written to the outbox, which sends them to the members' chats.
 */
@Service
class ConsoleActions {

    private final OfficeDesk desk;
    private final Outbox outbox;

    ConsoleActions(OfficeDesk desk, Outbox outbox) {
        this.desk = desk;
        this.outbox = outbox;
    }

    @Transactional
    public OfficeDesk.Reopen reopen(OfficeAdmin admin, String departmentCode, String comment) {
        return sent(desk.reopen(admin.scope(), admin.member(), departmentCode, comment));
    }

    @Transactional
    public OfficeDesk.Opening openPeriod(OfficeAdmin admin, PeriodKey key, ZonedDateTime deadline) {
        return sent(desk.openPeriod(admin.scope(), admin.member(), key, deadline));
    }

    @Transactional
    public boolean closePeriod(OfficeAdmin admin, long periodId) {
        return sent(desk.closePeriod(admin.scope(), admin.member(), periodId));
    }

    @Transactional
    public Optional<Member> revoke(OfficeAdmin admin, long memberId) {
        return sent(desk.revoke(admin.scope(), admin.member(), memberId));
    }

    private <T> T sent(OfficeDesk.Result<T> result) {
        outbox.enqueue(result.notices());
        return result.outcome();
    }
}
