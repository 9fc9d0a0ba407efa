package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;

/**
 * The webhook's recorded updates, on the database the suite runs on: an instance started again takes over at once what
 * its dead run held, never what another instance holds (even one whose name starts alike), and leaves the rest to
 * the leases.
 */
@LongRunning
class RecordedUpdatesTest {

    static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    static Path data;
    static BotProcess app;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        jdbc = app.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from telegram_update");
    }

    private static RecordedUpdates run(String holder) {
        return new RecordedUpdates(jdbc, Clock.systemUTC(), LEASE, holder);
    }

    private static List<Long> ids(List<RecordedUpdates.Taken> taken) {
        return taken.stream().map(RecordedUpdates.Taken::updateId).toList();
    }

    @Test
    void aRestartedInstanceTakesOverWhatItsDeadRunHeldAtOnce() {
        RecordedUpdates dead = run("host/1:old");
        dead.record(1, "chat-a", "{}");
        dead.record(2, "chat-b", "{}");
        assertThat(ids(dead.take(10, Set.of()))).containsExactly(1L, 2L);

        RecordedUpdates restarted = run("host/1:new");
        assertThat(restarted.take(10, Set.of())).as("held by the dead run's leases").isEmpty();

        assertThat(restarted.takeOverFromEarlierRuns()).isEqualTo(2);
        assertThat(ids(restarted.take(10, Set.of()))).containsExactly(1L, 2L);
    }

    @Test
    void anotherInstancesLeasesAreLeftAloneEvenWhenItsNameStartsAlike() {
        RecordedUpdates other = run("host/10:live");
        RecordedUpdates elsewhere = run("host_1:live");
        other.record(1, "chat-a", "{}");
        elsewhere.record(2, "chat-b", "{}");
        assertThat(ids(other.take(1, Set.of()))).containsExactly(1L);
        assertThat(ids(elsewhere.take(1, Set.of()))).containsExactly(2L);

        RecordedUpdates restarted = run("host/1:new");
        assertThat(restarted.takeOverFromEarlierRuns()).isZero();
        assertThat(restarted.take(10, Set.of())).isEmpty();
    }

    @Test
    void handledUpdatesAreNotTakenAgain() {
        RecordedUpdates dead = run("host/1:old");
        dead.record(1, "chat-a", "{}");
        dead.record(2, "chat-a", "{}");
        assertThat(ids(dead.take(10, Set.of()))).containsExactly(1L);
        dead.handled(1, "ok");
        assertThat(ids(dead.take(10, Set.of()))).containsExactly(2L);

        RecordedUpdates restarted = run("host/1:new");
        assertThat(restarted.takeOverFromEarlierRuns()).isEqualTo(1);
        assertThat(ids(restarted.take(10, Set.of()))).as("the chat's next update, in order").containsExactly(2L);
    }
}
