package vn.communereport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;

/** The outbox's gauges follow the table: how many messages wait, and how long the oldest has waited. */
@LongRunning
class OutboxMetricsTest {

    @TempDir
    static Path data;
    static BotProcess app;
    static MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));

    @BeforeAll
    static void start() {
        app = BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void depthAndAgeOfTheOldestFollowWhatWaits() {
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        jdbc.update("delete from outbox_message");
        assertThat(gauge("outbox.depth")).isZero();
        assertThat(gauge("outbox.oldest.age")).isZero();

        Outbox outbox = app.bean(Outbox.class);
        outbox.enqueue(List.of(new Outbound(Recipient.member(1), "first", List.of())));
        clock.advance(Duration.ofSeconds(30));
        outbox.enqueue(List.of(new Outbound(Recipient.member(2), "second", List.of()), new Outbound(Recipient.member(3), "third", List.of())));
        clock.advance(Duration.ofSeconds(60));
        assertThat(gauge("outbox.depth")).isEqualTo(3);
        assertThat(gauge("outbox.oldest.age")).as("the first has waited 90 s").isEqualTo(90.0);

        Long first = jdbc.queryForObject("select id from outbox_message where text = 'first'", Long.class);
        outbox.markSent(first, "telegram", "1:1");
        outbox.flushMarks();
        assertThat(gauge("outbox.depth")).isEqualTo(2);
        assertThat(gauge("outbox.oldest.age")).as("now the second is the oldest").isEqualTo(60.0);

        jdbc.update("update outbox_message set sent_at = created_at, outcome = 'SENT' where sent_at is null");
        assertThat(gauge("outbox.depth")).isZero();
        assertThat(gauge("outbox.oldest.age")).isZero();
    }

    private static double gauge(String name) {
        return app.bean(MeterRegistry.class).get(name).gauge().value();
    }
}
