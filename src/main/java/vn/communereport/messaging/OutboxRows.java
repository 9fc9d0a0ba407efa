package vn.communereport.messaging;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The outbox's statements on the path of every reply, in plain JDBC on the transaction's own connection: a turn's
 * check and inserts, and the sent marks. Through JPA each of them would first dirty-check everything the turn
 * loaded (Hibernate flushes before a query), which cost more than the statements themselves.
 */
final class OutboxRows {

    private static final String INSERT = "insert into outbox_message (member_id, channel, address, recipient_key, text, buttons, topic,"
            + " attachment_name, attachment, created_at, claimed_by, claimed_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DONE = "update outbox_message set sent_at = ?, outcome = ?, sent_channel = ?, sent_ref = ?,"
            + " attachment = null, claimed_by = null, claimed_until = null where id = ? and sent_at is null";

    /** A message not done with. */
    record Waiting(long id, String recipientKey) {
    }

    private final JdbcTemplate jdbc;

    OutboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The messages of these recipients not done with (waiting to be sent, or being sent). */
    List<Waiting> waiting(Collection<String> recipientKeys) {
        StringBuilder sql = new StringBuilder("select id, recipient_key from outbox_message where sent_at is null and recipient_key in (");
        for (int i = 0; i < recipientKeys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        return jdbc.query(sql.toString(), (row, n) -> new Waiting(row.getLong(1), row.getString(2)), recipientKeys.toArray());
    }

    /** Inserts one message, held by {@code claimedBy} until {@code claimedUntil} when given; returns its id. */
    long insert(Outbound message, Instant createdAt, String claimedBy, Instant claimedUntil) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"});
            if (message.to() instanceof Recipient.ToMember member) {
                insert.setLong(1, member.memberId());
                insert.setNull(2, Types.VARCHAR);
                insert.setNull(3, Types.VARCHAR);
            } else {
                Recipient.ToAddress at = (Recipient.ToAddress) message.to();
                insert.setNull(1, Types.BIGINT);
                insert.setString(2, at.channel());
                insert.setString(3, at.address());
            }
            insert.setString(4, OutboxMessage.keyOf(message.to()));
            insert.setString(5, message.text() == null ? "" : message.text());
            insert.setString(6, OutboxMessage.encode(message.buttons()));
            insert.setString(7, message.topic());
            if (message.attachment() != null) {
                insert.setString(8, message.attachment().fileName());
                insert.setBytes(9, message.attachment().content());
            } else {
                insert.setNull(8, Types.VARCHAR);
                insert.setNull(9, Types.VARBINARY);
            }
            insert.setObject(10, at(createdAt));
            insert.setString(11, claimedBy);
            insert.setObject(12, claimedUntil == null ? null : at(claimedUntil));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** Marks messages done with; those already done with are left as they are. */
    void done(List<DoneMarks.Mark> marks) {
        List<Object[]> rows = new ArrayList<>(marks.size());
        for (DoneMarks.Mark mark : marks) {
            rows.add(new Object[] {at(mark.at()), mark.outcome(), mark.channel(), mark.ref(), mark.id()});
        }
        jdbc.batchUpdate(DONE, rows, new int[] {Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
