package vn.communereport.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox as Micrometer gauges, the same on every instance (they read the shared table): {@code outbox.depth}, the
 * messages not done with yet, and {@code outbox.oldest.age}, how long the oldest of them has waited (seconds; 0 when
 * none). A depth that grows or an age past a minute says Telegram is not taking messages, or no instance is sending.
 * Each reading is one query on the pending index, made only when the gauges are read.
 */
@Component
class OutboxMetrics {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("outbox.depth", this, OutboxMetrics::depth)
                .description("Outgoing messages not sent (or given up) yet")
                .baseUnit("messages")
                .register(registry);
        Gauge.builder("outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest message not sent yet has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    double depth() {
        Long count = jdbc.queryForObject("select count(*) from outbox_message where sent_at is null", Long.class);
        return count == null ? 0 : count;
    }

    double oldestAgeSeconds() {
        Timestamp oldest = jdbc.queryForObject("select min(created_at) from outbox_message where sent_at is null", Timestamp.class);
        if (oldest == null) {
            return 0;
        }
        Duration waited = Duration.between(oldest.toInstant(), clock.instant());
        return waited.isNegative() ? 0 : waited.toMillis() / 1000.0;
    }
}
