package vn.communereport.web.console;

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.SharedDatabaseInstances;

/**
 * The console's one-time form tokens with two instances on one database: a page served by one may be sent to the other,
 * and a form sent to both at once acts on one; a token is only its person's, expires, and is stored only as a hash.
 */
@LongRunning
class FormOnceInstancesTest {

    @TempDir
    static Path data;
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext two;

    @BeforeAll
    static void start() {
        one = SharedDatabaseInstances.start(data, "one", Map.of(), null);
        two = SharedDatabaseInstances.start(data, "two", Map.of(), null);
    }

    @AfterAll
    static void stop() {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void aTokenIssuedByOneInstanceIsSpentOnceOnEither() {
        String token = one.getBean(FormOnce.class).issue(7);
        assertThat(two.getBean(FormOnce.class).consume(8, token)).as("another person's").isFalse();
        assertThat(two.getBean(FormOnce.class).consume(7, token)).as("the page came from the other instance").isTrue();
        assertThat(one.getBean(FormOnce.class).consume(7, token)).as("sent again, to the first").isFalse();
        assertThat(two.getBean(FormOnce.class).consume(7, token)).isFalse();
        assertThat(one.getBean(FormOnce.class).consume(7, "not-a-token")).isFalse();
        assertThat(one.getBean(FormOnce.class).consume(7, null)).isFalse();
    }

    @Test
    void aFormSentToBothInstancesAtOnceActsOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String token = one.getBean(FormOnce.class).issue(9);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> spent = new ArrayList<>();
                for (ConfigurableApplicationContext instance : List.of(one, two)) {
                    FormOnce once = instance.getBean(FormOnce.class);
                    spent.add(threads.submit(() -> {
                        together.await();
                        return once.consume(9, token);
                    }));
                }
                int accepted = 0;
                for (Future<Boolean> s : spent) {
                    accepted += s.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void anExpiredTokenActsNoMoreAndOnlyItsHashIsStored() {
        FormOnce once = one.getBean(FormOnce.class);
        String token = once.issue(11);
        JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from console_form_token where token_hash = ?", Long.class, token)).isZero();
        assertThat(jdbc.queryForList("select token_hash from console_form_token where member_id = 11", String.class))
                .singleElement().satisfies(hash -> assertThat(hash).hasSize(64).isNotEqualTo(token));

        jdbc.update("update console_form_token set expires_at = expires_at - interval '9' hour where member_id = 11");
        assertThat(two.getBean(FormOnce.class).consume(11, token)).as("past its eight hours").isFalse();
        two.getBean(FormOnce.class).forgetExpired();
        assertThat(jdbc.queryForObject("select count(*) from console_form_token where member_id = 11", Long.class)).isZero();
    }
}
