package vn.communereport.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;

/**
 * The two last parts of a period handed in at the same moment, by two handler threads (or two instances): the
 * office is told "every part is in" exactly once, every time. Without the period lock in submit() each
 * transaction misses the other's uncommitted submission and nobody is told.
 */
@LongRunning
class LastPartsAtOnceTest {

    static final int ROUNDS = 30;

    @TempDir
    static Path data;
    static BotProcess bot;
    static ExecutorService threads;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, "1001",
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        bot.close();
    }

    @Test
    void theOfficeIsToldOnceWhenTheLastTwoPartsComeInTogether() throws Exception {
        CollectionService collection = bot.bean(CollectionService.class);
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        List<String> all = context.flows().stream().map(Flow::departmentCode).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        String first = all.get(0);
        String second = all.get(1);
        for (String department : all.subList(2, all.size())) {
            assertThat(collection.submit(period, department, 2000, all).submitted()).isTrue();
        }
        for (int round = 0; round < ROUNDS; round++) {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<CollectionService.SubmitResult>> results = new ArrayList<>();
            for (String department : List.of(first, second)) {
                results.add(threads.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return collection.submit(period, department, 2001, all);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            gate.countDown();
            int told = 0;
            for (Future<CollectionService.SubmitResult> result : results) {
                CollectionService.SubmitResult submitted = result.get(30, TimeUnit.SECONDS);
                assertThat(submitted.submitted()).isTrue();
                told += submitted.allInNow() ? 1 : 0;
            }
            assertThat(told).as("round %d: times the office is told every part is in", round).isEqualTo(1);
            assertThat(collection.reopen(period, first, 1001, "sửa lại")).isTrue();
            assertThat(collection.reopen(period, second, 1001, "sửa lại")).isTrue();
        }
        // A part handed in with a copy of the period read before the office closed it is refused.
        assertThat(bot.bean(PeriodService.class).close(period.getId())).isTrue();
        assertThat(period.isOpen()).as("the copy in hand still says open").isTrue();
        assertThat(collection.submit(period, first, 2001, all).submitted()).isFalse();
    }
}
