package vn.communereport.web.console;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.Member;
import vn.communereport.collection.LateEntries;
import vn.communereport.collection.PeriodKey;
import vn.communereport.conversation.LateEntryGrant;
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
    private final LateEntryGrant lateEntry;

    ConsoleActions(OfficeDesk desk, Outbox outbox, LateEntryGrant lateEntry) {
        this.lateEntry = lateEntry;
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

    /** As /nhapmuon: empty when the department is not in the report. */
    @Transactional
    public Optional<LateEntries.Grant> grantLateEntry(OfficeAdmin admin, String departmentCode, LocalDate endsOn) {
        return sent(lateEntry.grant(admin.scope(), admin.member(), departmentCode, endsOn));
    }

    private <T> T sent(OfficeDesk.Result<T> result) {
        outbox.enqueue(result.notices());
        return result.outcome();
    }
}
