package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;

/** Processed deliveries are forgotten after a week (no re-delivery comes after Telegram's 24 hours), not before. */
class DeliveryLogCleanupTest {

    @TempDir
    Path data;

    @Test
    void deliveriesOlderThanAWeekAreForgottenAndRecentOnesKept() {
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));
        try (BotProcess bot = BotProcess.start("http://127.0.0.1:9", data, "1001",
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H",
                        "app.deliveries.cleanup-initial-delay", "PT24H"), clock)) {
            JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
            insert(jdbc, "100", clock.instant().minus(Duration.ofDays(8)));
            insert(jdbc, "101", clock.instant().minus(Duration.ofDays(7)).minusSeconds(1));
            insert(jdbc, "102", clock.instant().minus(Duration.ofDays(6)));
            insert(jdbc, "103", clock.instant().minus(Duration.ofMinutes(5)));

            DeliveryLogCleanup cleanup = bot.bean(DeliveryLogCleanup.class);
            assertThat(cleanup.removeOld()).isEqualTo(2);
            assertThat(jdbc.queryForList("select delivery_id from processed_delivery order by delivery_id", String.class))
                    .containsExactly("102", "103");
            assertThat(cleanup.removeOld()).as("nothing more to forget yet").isZero();

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(cleanup.removeOld()).isEqualTo(1);
            assertThat(jdbc.queryForList("select delivery_id from processed_delivery", String.class)).containsExactly("103");
        }
    }

    private static void insert(JdbcTemplate jdbc, String deliveryId, java.time.Instant at) {
        jdbc.update("insert into processed_delivery (channel, delivery_id, processed_at) values (?, ?, ?)",
                "telegram", deliveryId, Timestamp.from(at));
    }
}
