package vn.communereport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;

/**
 * Several instances draining one outbox, on the database the suite runs on (PostgreSQL with
 * {@code -Dtest.postgresql.url}, where row locks and read-committed re-checks decide the races; H2 otherwise): every
 * message is sent once, a recipient's messages in the order they were written and never two at a time; an instance
 * started again frees what its dead run held and never what a live instance holds, even one of the same name.
 */
@LongRunning
class OutboxInstancesTest {

    static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    static Path data;
    @TempDir
    Path locks;
    static BotProcess app;
    static TransactionTemplate tx;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        jdbc = app.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from outbox_message");
    }

    private Outbox sender(SenderName name, String run) {
        return new Outbox(app.bean(OutboxRepository.class), jdbc, app.bean(PlatformTransactionManager.class), Clock.systemUTC(), LEASE,
                Duration.ofMillis(5), Clock.systemUTC(), name, run);
    }

    /** What the "channel" received, in the order it received it. */
    record Delivery(long id, String recipientKey, String text, String by) {
    }

    @Test
    void twoInstancesDrainingOneOutboxSendEveryMessageOnceInEachRecipientsOrder() throws Exception {
        Outbox one = sender(SenderName.take("drain", locks), "a");
        Outbox two = sender(SenderName.take("drain", locks), "b");
        int recipients = 30;
        int each = 10;
        List<Outbound> queued = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (int r = 0; r < recipients; r++) {
                queued.add(new Outbound(Recipient.member(100 + r), "m" + r + "-" + n, List.of()));
            }
        }
        inTx(() -> {
            one.enqueue(queued);
            return null;
        });
        int turns = 20;
        int total = queued.size() + 2 * turns;

        List<Delivery> received = Collections.synchronizedList(new ArrayList<>());
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger retries = new AtomicInteger();
        Channel channel = (q, by) -> {
            String key = OutboxMessage.keyOf(q.message().to());
            if (!inFlight.add(key)) {
                overlaps.add(key + " " + q.message().text());
            }
            try {
                sleep(1);
                received.add(new Delivery(q.id(), key, q.message().text(), by));
            } finally {
                inFlight.remove(key);
            }
        };

        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            work.add(threads.submit(() -> drainUntil(one, "one", channel, received, total, retries)));
            work.add(threads.submit(() -> drainUntil(two, "two", channel, received, total, retries)));
            // Meanwhile turns on instance one: each writes two messages and sends those it holds right after its commit.
            work.add(threads.submit(() -> {
                for (int t = 0; t < turns; t++) {
                    Recipient to = Recipient.member(100 + t % 5);
                    int turn = t;
                    List<Outbox.Queued> written = inTx(() -> one.record(List.of(new Outbound(to, "t" + turn + "-1", List.of()),
                            new Outbound(to, "t" + turn + "-2", List.of()))));
                    for (Outbox.Queued q : written) {
                        if (q.sendNow()) {
                            channel.deliver(q, "one-turn");
                            one.markSent(q.id(), "telegram", "ref" + q.id());
                        }
                    }
                }
                return null;
            }));
            for (Future<?> w : work) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        one.flushMarks();
        two.flushMarks();

        Map<Long, Integer> times = new HashMap<>();
        received.forEach(d -> times.merge(d.id(), 1, Integer::sum));
        assertThat(times.values()).as("no message sent twice").allMatch(n -> n == 1);
        List<Long> all = jdbc.queryForList("select id from outbox_message order by id", Long.class);
        assertThat(all).hasSize(total);
        assertThat(times.keySet()).as("every message sent").containsExactlyInAnyOrderElementsOf(all);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where sent_at is null", Long.class)).isZero();
        assertThat(overlaps).as("never two of one recipient's messages at a time").isEmpty();

        Map<String, List<Long>> byRecipient = new HashMap<>();
        received.forEach(d -> byRecipient.computeIfAbsent(d.recipientKey(), k -> new ArrayList<>()).add(d.id()));
        byRecipient.forEach((key, ids) -> assertThat(ids).as("%s's messages in the order written", key).isSorted());
        assertThat(received.stream().map(Delivery::by).distinct()).as("both instances sent").contains("one", "two");
        assertThat(retries.get()).as("some sends failed and were given back").isPositive();
    }

    @Test
    void anInstanceStartedAgainFreesOnlyWhatItsDeadRunHeldNeverALiveInstancesOfTheSameName() {
        SenderName first = SenderName.take("same-host", locks);
        SenderName second = SenderName.take("same-host", locks);
        assertThat(first.name()).isEqualTo("same-host");
        assertThat(second.name()).as("a live process has the name already").isEqualTo("same-host-2");

        Outbox live = sender(first, "run1");
        Outbox sibling = sender(second, "run1");
        Outbox.Queued held = inTx(() -> live.record(List.of(new Outbound(Recipient.member(7), "being sent", List.of())))).get(0);
        assertThat(held.sendNow()).isTrue();
        assertThat(inTx(sibling::takeOverFromEarlierRuns)).as("the sibling's start takes nothing from the live one").isZero();
        assertThat(inTx(() -> sibling.claim(10))).isEmpty();

        // The first process dies (its lock goes with it) and is started again: it gets its name back and frees its message.
        first.close();
        Outbox again = sender(SenderName.take("same-host", locks), "run2");
        assertThat(inTx(again::takeOverFromEarlierRuns)).isEqualTo(1);
        assertThat(inTx(() -> again.claim(10))).extracting(Outbox.Queued::id).containsExactly(held.id());
        second.close();
    }

    @Test
    void processesOnDifferentDatabasesDoNotCompeteForAName() {
        SenderName onOne = SenderName.take("folder", locks, "jdbc:postgresql://db/one");
        SenderName onTwo = SenderName.take("folder", locks, "jdbc:postgresql://db/two");
        SenderName alsoOnOne = SenderName.take("folder", locks, "jdbc:postgresql://db/one");
        assertThat(onOne.name()).isEqualTo("folder");
        assertThat(onTwo.name()).as("it can take nothing of the first's").isEqualTo("folder");
        assertThat(alsoOnOne.name()).isEqualTo("folder-2");
        onOne.close();
        onTwo.close();
        alsoOnOne.close();
    }

    @Test
    void leasesAreReadOnTheDatabasesClockSoAnInstanceWhoseClockRunsAheadTakesNothingBeingSent() {
        OutboxRepository repository = app.bean(OutboxRepository.class);
        PlatformTransactionManager transactions = app.bean(PlatformTransactionManager.class);
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
        DatabaseClock aheadButAligned = new DatabaseClock(jdbc, ahead, System::nanoTime);
        Outbox writer = new Outbox(repository, jdbc, transactions, Clock.systemUTC(), LEASE, Duration.ofMillis(5),
                new DatabaseClock(jdbc), "on-time", "run1");
        Outbox fast = new Outbox(repository, jdbc, transactions, Clock.systemUTC(), LEASE, Duration.ofMillis(5), aheadButAligned, "fast", "run1");

        Outbox.Queued held = inTx(() -> writer.record(List.of(new Outbound(Recipient.member(8), "being sent", List.of())))).get(0);
        assertThat(held.sendNow()).isTrue();
        assertThat(inTx(() -> fast.claim(10))).as("its own clock says the lease ran out two minutes ago; the database's does not").isEmpty();
        assertThat(Duration.between(Clock.systemUTC().instant(), aheadButAligned.instant()).abs())
                .as("the fast host reads the database's time").isLessThan(Duration.ofSeconds(5));

        Outbox unaligned = new Outbox(repository, jdbc, transactions, Clock.systemUTC(), LEASE, Duration.ofMillis(5), ahead, "fast", "run2");
        assertThat(inTx(() -> unaligned.claim(10))).as("what a clock of its own would have done").hasSize(1);
    }

    @FunctionalInterface
    interface Channel {
        void deliver(Outbox.Queued message, String by);
    }

    /** A drainer: takes what may go, "sends" it, marks it; one send in 17 fails and is given back, as on a 5xx. */
    private static Void drainUntil(Outbox outbox, String name, Channel channel, List<Delivery> received, int total, AtomicInteger retries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int attempt = 0;
        while (received.size() < total) {
            assertThat(System.nanoTime()).as("%s: all sent in time (%d of %d)", name, received.size(), total).isLessThan(deadline);
            List<Outbox.Queued> batch = inTx(() -> outbox.claim(7));
            for (int i = 0; i < batch.size(); i++) {
                Outbox.Queued q = batch.get(i);
                if (++attempt % 17 == 0) {
                    retries.incrementAndGet();
                    List<Long> rest = batch.subList(i, batch.size()).stream().map(Outbox.Queued::id).toList();
                    inTx(() -> {
                        outbox.release(rest, Duration.ZERO);
                        return null;
                    });
                    break;
                }
                channel.deliver(q, name);
                outbox.markSent(q.id(), "telegram", "ref" + q.id());
            }
            if (batch.isEmpty()) {
                sleep(2);
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

}
