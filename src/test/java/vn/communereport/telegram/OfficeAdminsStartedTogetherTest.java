package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;

/**
 * Instances of a province's deployment start together on one database (the suite's: PostgreSQL with
 * {@code -Dtest.postgresql.url}, H2 otherwise), each making the communes' office administrators: every
 * administrator still has one row per commune, however the starts interleave.
 */
class OfficeAdminsStartedTogetherTest {

    @TempDir
    static Path data;
    static BotProcess app;

    @BeforeAll
    static void start() {
        app = BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void fourInstancesStartingAtOnceMakeEachAdministratorOnce() throws Exception {
        int instances = 4;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService starts = Executors.newFixedThreadPool(instances);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            OfficeAdminBootstrap bootstrap = new OfficeAdminBootstrap(app.bean(AccessService.class), app.bean(ReportScopes.class),
                    "7001, 7002, 7003", app.bean(LockProvider.class));
            done.add(starts.submit(() -> {
                together.await();
                bootstrap.run(null);
                return null;
            }));
        }
        for (Future<?> start : done) {
            start.get(2, TimeUnit.MINUTES);
        }
        starts.shutdown();

        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        for (String id : List.of("7001", "7002", "7003")) {
            Integer rows = jdbc.queryForObject("select count(*) from member m join member_identity i on i.member_id = m.id"
                    + " where i.channel = 'telegram' and i.user_ref = ? and m.commune_code = 'binh-lu'", Integer.class, id);
            assertThat(rows).as("rows of administrator %s in binh-lu", id).isEqualTo(1);
        }
        assertThat(app.bean(AccessService.class).officeAdmins("binh-lu")).hasSize(3);
    }
}
