package vn.communereport.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's time, as this process can tell it without asking on every use: the system clock plus the offset the
 * database showed when last asked (at most a minute ago, asked by {@link #sync}). Leases are written by one instance
 * and compared by another, so they are read on one clock for all, the database's, as ShedLock's locks are: an instance
 * whose own clock ran a minute ahead would otherwise take messages another is still sending.
 */
final class DatabaseClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClock.class);
    private static final long RESYNC_NANOS = Duration.ofMinutes(1).toNanos();
    /** An offset this large is worth a line in the log: the instances' clocks are far apart. */
    private static final long NOTABLE_MILLIS = 2_000;

    private final JdbcTemplate jdbc;
    private final Clock system;
    private final LongSupplier nanoTime;
    private volatile long offsetMillis;
    private volatile long syncedAtNanos;
    private volatile boolean synced;

    DatabaseClock(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), System::nanoTime);
    }

    DatabaseClock(JdbcTemplate jdbc, Clock system, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.system = system;
        this.nanoTime = nanoTime;
    }

    /** Asks the database for its time when the offset is older than a minute (or never known); a failure keeps the old one. */
    void sync() {
        if (synced && nanoTime.getAsLong() - syncedAtNanos < RESYNC_NANOS) {
            return;
        }
        try {
            Instant before = system.instant();
            OffsetDateTime database = jdbc.queryForObject("select current_timestamp", OffsetDateTime.class);
            Instant after = system.instant();
            Instant local = before.plus(Duration.between(before, after).dividedBy(2));
            long offset = Duration.between(local, database.toInstant()).toMillis();
            if (Math.abs(offset) >= NOTABLE_MILLIS && Math.abs(offset - offsetMillis) >= NOTABLE_MILLIS) {
                log.warn("This host's clock is {} ms off the database's; the outbox's leases follow the database", -offset);
            }
            offsetMillis = offset;
            syncedAtNanos = nanoTime.getAsLong();
            synced = true;
        } catch (RuntimeException e) {
            log.debug("Database time not read now: {}", e.toString());
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plusMillis(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the database's clock is read in UTC");
    }
}
