package vn.communereport.telegram;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The updates Telegram posted, in table telegram_update, in plain JDBC (each statement its own transaction). Taking
 * one is a lease, not a row lock: the update's handling commits its own transaction and then sends over the network,
 * and a row lock would have to be held across both on a connection of its own; a lease is two short statements that
 * run alike on H2 and PostgreSQL, and an update taken again after its holder died is applied once all the same (the
 * conversation's processed_delivery). Leases are real time, whatever clock the application runs on.
 */
class RecordedUpdates {

    /** An update taken by this instance; its body is Telegram's JSON as posted. */
    record Taken(long updateId, String body) {
    }

    private static final String HEADS = "select u.update_id, u.body from telegram_update u"
            + " where u.handled_at is null and (u.claimed_until is null or u.claimed_until < ?)"
            + " and not exists (select 1 from telegram_update e where e.chat_key = u.chat_key and e.handled_at is null"
            + " and e.update_id < u.update_id) order by u.update_id";
    private static final String TAKE = "update telegram_update set claimed_by = ?, claimed_until = ? where update_id = ?"
            + " and handled_at is null and (claimed_until is null or claimed_until < ?)";

    private final JdbcTemplate jdbc;
    private final Clock leaseClock;
    private final Duration lease;
    private final String holder;

    RecordedUpdates(JdbcTemplate jdbc, Clock leaseClock, Duration lease, String holder) {
        this.jdbc = jdbc;
        this.leaseClock = leaseClock;
        this.lease = lease;
        this.holder = holder;
    }

    /** Writes an update as posted; false when it is there already (Telegram posted it again). Committed on return. */
    boolean record(long updateId, String chatKey, String body) {
        try {
            return jdbc.update("insert into telegram_update (update_id, chat_key, body, received_at) values (?, ?, ?, ?)",
                    updateId, chatKey, body, at(leaseClock.instant())) == 1;
        } catch (DuplicateKeyException again) {
            return false;
        }
    }

    /**
     * Takes up to {@code max} updates that may be handled now, oldest first: each the oldest unhandled update of its
     * chat, held by nobody (or by a lease run out). {@code skip}: updates this instance is handling already.
     */
    List<Taken> take(int max, Collection<Long> skip) {
        Instant now = leaseClock.instant();
        List<Taken> heads = jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement(HEADS);
            select.setObject(1, at(now));
            select.setMaxRows(max + skip.size());
            return select;
        }, (row, n) -> new Taken(row.getLong(1), row.getString(2)));
        List<Taken> taken = new ArrayList<>();
        for (Taken head : heads) {
            if (taken.size() >= max) {
                break;
            }
            if (!skip.contains(head.updateId()) && jdbc.update(TAKE, holder, at(now.plus(lease)), head.updateId(), at(now)) == 1) {
                taken.add(head);
            }
        }
        return taken;
    }

    /** Done with: the next update of its chat may be taken now. The body is not kept. */
    void handled(long updateId, String outcome) {
        jdbc.update("update telegram_update set handled_at = ?, outcome = ?, body = null, claimed_by = null, claimed_until = null"
                + " where update_id = ?", at(leaseClock.instant()), outcome, updateId);
    }

    /** Not handled after all (the application stops): another worker may take it at once. */
    void release(long updateId) {
        jdbc.update("update telegram_update set claimed_by = null, claimed_until = null where update_id = ? and claimed_by = ?"
                + " and handled_at is null", updateId, holder);
    }

    /**
     * Frees the updates an earlier run of this instance held: that run is over (no live process shares the instance's
     * name), so they need not wait for their leases to run out. Returns how many.
     */
    int takeOverFromEarlierRuns() {
        int run = holder.lastIndexOf(':');
        String instance = holder.substring(0, run);
        String pattern = instance.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
        return jdbc.update("update telegram_update set claimed_by = null, claimed_until = null where handled_at is null"
                + " and claimed_by like ? escape '!' and claimed_by <> ?", pattern, holder);
    }

    /** Updates not handled yet, for the log and the tests. */
    long waiting() {
        Long count = jdbc.queryForObject("select count(*) from telegram_update where handled_at is null", Long.class);
        return count == null ? 0 : count;
    }

    /** Forgets handled updates older than {@code keep}; Telegram re-delivers for a day at most. */
    int forgetHandled(Duration keep) {
        return jdbc.update("delete from telegram_update where handled_at < ?", at(leaseClock.instant().minus(keep)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
