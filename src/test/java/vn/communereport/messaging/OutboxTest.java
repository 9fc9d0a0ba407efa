package vn.communereport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;

/**
 * The outbox on its own, on the real schema (H2, migrated by Flyway): two senders (two processes) share one
 * table, each with its own leases, on a clock the test moves. A recipient's messages are handed out one at a time
 * and in the order they were written, never while an earlier one is waiting or being sent, never to two senders.
 */
class OutboxTest {

    static final Recipient ANNA = Recipient.member(11);
    static final Recipient BINH = Recipient.member(12);
    static final Recipient STRANGER = Recipient.address("telegram", "9001");
    static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    static Path data;
    static BotProcess app;
    static TransactionTemplate tx;
    static JdbcTemplate jdbc;

    MutableClock time;
    Outbox one;
    Outbox two;

    /** On H2 by default, on PostgreSQL as {@link vn.communereport.testsupport.TestDatabase} says. */
    @BeforeAll
    static void start() {
        Map<String, String> settings = Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H");
        app = BotProcess.start("http://127.0.0.1:9", data, "", settings);
        tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        jdbc = app.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void twoSenders() {
        jdbc.update("delete from outbox_message");
        time = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));
        OutboxRepository rows = app.bean(OutboxRepository.class);
        one = new Outbox(rows, jdbc, transactions(), Clock.systemUTC(), LEASE, Duration.ofMillis(5), time, "one", "run1");
        two = new Outbox(rows, jdbc, transactions(), Clock.systemUTC(), LEASE, Duration.ofMillis(5), time, "two", "run1");
    }

    @Test
    void aTurnsMessagesAreHeldByItsProcessUntilTheLeaseRunsOut() {
        List<Outbox.Queued> turn = inTx(() -> one.record(List.of(text(ANNA, "a1"), text(BINH, "b1"), text(ANNA, "a2"))));
        assertThat(turn).extracting(Outbox.Queued::sendNow).containsExactly(true, true, true);
        assertThat(turn).extracting(q -> q.message().text()).containsExactly("a1", "b1", "a2");
        assertThat(turn.get(0).id()).isLessThan(turn.get(1).id()).isLessThan(turn.get(2).id());

        assertThat(inTx(() -> two.claim(10))).as("held by the process that wrote them").isEmpty();
        assertThat(inTx(() -> one.claim(10))).as("nor handed to the writer's own drainer").isEmpty();

        // The writer died before sending: once the lease runs out, another sender takes them, each recipient's first.
        time.advance(LEASE.plusSeconds(1));
        assertThat(texts(inTx(() -> two.claim(10)))).containsExactly("a1", "b1");
        assertThat(inTx(() -> one.claim(10))).as("taken by the other sender, not by two").isEmpty();
    }

    @Test
    void anInstanceStartedAgainTakesOverAtOnceWhatItsEarlierRunHeld() {
        List<Outbox.Queued> before = inTx(() -> one.record(List.of(text(ANNA, "a1"), text(BINH, "b1"))));
        inTx(() -> two.record(List.of(text(STRANGER, "s1"))));
        // "one" is killed and started again; "two" is another instance, alive.
        Outbox oneAgain = new Outbox(app.bean(OutboxRepository.class), jdbc, transactions(), Clock.systemUTC(), LEASE, Duration.ofMillis(5), time, "one", "run2");
        List<Outbox.Queued> after = inTx(() -> oneAgain.record(List.of(text(BINH, "b2"))));
        assertThat(after).extracting(Outbox.Queued::sendNow).as("b1 is still waiting").containsExactly(false);

        assertThat(inTx(oneAgain::takeOverFromEarlierRuns)).isEqualTo(2);
        assertThat(texts(inTx(() -> oneAgain.claim(10)))).as("no waiting for the dead run's leases; s1 is two's")
                .containsExactly("a1", "b1");
        assertThat(before).hasSize(2);
        assertThat(inTx(oneAgain::takeOverFromEarlierRuns)).as("its own holds are not taken from it").isZero();
    }

    @Test
    void aSentMessageDoesNotHoldUpTheNextOneWhileItsMarkIsBeingWritten() {
        Outbox.Queued first = single(inTx(() -> one.record(List.of(text(ANNA, "a1")))));
        one.markSent(first.id(), "telegram", "11:1");
        // The mark may not be in the table yet; this process knows, so Anna's next message goes at once.
        Outbox.Queued second = single(inTx(() -> one.record(List.of(text(ANNA, "a2")))));
        assertThat(second.sendNow()).isTrue();
        assertThat(sentAt(first.id())).as("written with the next turn at the latest").isNotNull();
        one.markSent(second.id(), "telegram", "11:2");
        awaitWritten(second.id());
        assertThat(jdbc.queryForObject("select sent_ref from outbox_message where id = ?", String.class, second.id())).isEqualTo("11:2");
    }

    @Test
    void aMarkCarriedByATurnThatRollsBackIsWrittenAfterwards() {
        Outbox.Queued first = single(inTx(() -> one.record(List.of(text(ANNA, "a1")))));
        one.markSent(first.id(), "telegram", "11:1");
        tx.executeWithoutResult(status -> {
            one.record(List.of(text(BINH, "b1")));
            status.setRollbackOnly();
        });
        awaitWritten(first.id());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message", Long.class)).as("b1 went with its turn").isEqualTo(1L);
    }

    private static Object sentAt(long id) {
        return jdbc.queryForObject("select sent_at from outbox_message where id = ?", Object.class, id);
    }

    private static void awaitWritten(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (sentAt(id) == null) {
            assertThat(System.nanoTime()).as("mark of %d written", id).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aRecipientsMessagesGoOneAtATimeInTheOrderTheyWereWritten() {
        List<Outbox.Queued> first = inTx(() -> one.record(List.of(text(ANNA, "a1"), text(BINH, "b1"))));
        // a1 could not be sent (Telegram down): back to the outbox, to be tried in 5 s; b1 went out.
        inTx(() -> one.release(List.of(first.get(0).id()), Duration.ofSeconds(5)));
        sent(one, first.get(1).id(), "telegram", "12:1");

        // The next turn: Anna's new message waits behind a1, Binh's goes at once.
        List<Outbox.Queued> next = inTx(() -> one.record(List.of(text(ANNA, "a2"), text(BINH, "b2"))));
        assertThat(next).extracting(Outbox.Queued::sendNow).containsExactly(false, true);
        sent(one, next.get(1).id(), "telegram", "12:2");
        inTx(() -> one.enqueue(List.of(text(ANNA, "a3 (a reminder)"))));

        assertThat(inTx(() -> two.claim(10))).as("a1 waits for its retry; a2 and a3 wait behind it").isEmpty();
        time.advance(Duration.ofSeconds(6));
        List<Outbox.Queued> retried = inTx(() -> two.claim(10));
        assertThat(texts(retried)).containsExactly("a1");
        assertThat(inTx(() -> one.claim(10))).as("nothing of Anna's while a1 is being sent").isEmpty();
        sent(two, retried.get(0).id(), "telegram", "11:3");

        Outbox.Queued a2 = single(inTx(() -> one.claim(10)));
        assertThat(a2.message().text()).isEqualTo("a2");
        doneWith(one, a2.id(), "REFUSED");
        assertThat(texts(inTx(() -> two.claim(10)))).containsExactly("a3 (a reminder)");
        assertThat(one.pending()).isEqualTo(1);
    }

    @Test
    void aMessageGivenBackIsTakenAgainOnceAndTheRestStayBehindIt() {
        inTx(() -> one.enqueue(List.of(text(ANNA, "a1"), text(ANNA, "a2"), text(STRANGER, "s1"))));
        List<Outbox.Queued> round = inTx(() -> one.claim(10));
        assertThat(texts(round)).containsExactly("a1", "s1");
        // Sending a1 met a 5xx: it and the rest of the round go back, a1 first in Anna's line.
        inTx(() -> one.release(List.of(round.get(0).id()), Duration.ofMillis(500)));
        inTx(() -> one.release(List.of(round.get(1).id()), Duration.ZERO));
        assertThat(texts(inTx(() -> two.claim(10)))).containsExactly("s1");
        time.advance(Duration.ofSeconds(1));
        assertThat(texts(inTx(() -> one.claim(10)))).containsExactly("a1");
        // A sender cannot give back what it no longer holds.
        Long s1 = jdbc.queryForObject("select id from outbox_message where text = 's1'", Long.class);
        inTx(() -> one.release(List.of(s1), Duration.ZERO));
        assertThat(jdbc.queryForObject("select claimed_by from outbox_message where id = ?", String.class, s1)).isEqualTo("two:run1");
    }

    @Test
    void aFileIsKeptUntilSentAndTheSentMessageIsFoundByItsReference() {
        byte[] report = new byte[400_000];
        new Random(7).nextBytes(report);
        Outbound file = Outbound.document(ANNA, "BaoCao_CCHC.docx", report, "Báo cáo tổng hợp");
        Outbound question = new Outbound(ANNA, "Câu 3/21: Số TTHC", List.of(List.of(new Outbound.Button("Bỏ qua", "s|q3"))))
                .about("q:7:III.1:2");
        inTx(() -> one.enqueue(List.of(file, question)));

        Outbox.Queued taken = single(inTx(() -> two.claim(10)));
        assertThat(taken.message().attachment().fileName()).isEqualTo("BaoCao_CCHC.docx");
        assertThat(taken.message().attachment().content()).isEqualTo(report);
        assertThat(taken.message().text()).isEqualTo("Báo cáo tổng hợp");
        sent(two, taken.id(), "telegram", "11:40");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where attachment is not null", Long.class))
                .as("the file is dropped once sent").isZero();

        Outbox.Queued asked = single(inTx(() -> two.claim(10)));
        assertThat(asked.message().topic()).isEqualTo("q:7:III.1:2");
        assertThat(asked.message().buttons()).containsExactly(List.of(new Outbound.Button("Bỏ qua", "s|q3")));
        sent(two, asked.id(), "telegram", "11:41");

        Outbox outbox = app.bean(Outbox.class);
        assertThat(outbox.topicOf("telegram", "11:41")).contains("q:7:III.1:2");
        assertThat(outbox.topicOf("telegram", "11:40")).as("sent, but about nothing").isEmpty();
        assertThat(outbox.topicOf("telegram", "11:42")).isEmpty();
        assertThat(outbox.topicOf("web", "11:41")).isEmpty();
    }

    @Test
    void aTurnsMessagesAreWrittenOnlyInTheTransactionOfTheChangeThatCausesThem() {
        Outbox outbox = app.bean(Outbox.class);
        assertThatThrownBy(() -> outbox.record(List.of(text(ANNA, "outside"))))
                .isInstanceOf(IllegalTransactionStateException.class);
        // Rolled back with the change: nothing is sent for a change that did not happen.
        tx.executeWithoutResult(status -> {
            outbox.record(List.of(text(ANNA, "rolled back")));
            status.setRollbackOnly();
        });
        assertThat(outbox.pending()).isZero();
    }

    private static PlatformTransactionManager transactions() {
        return app.bean(PlatformTransactionManager.class);
    }

    /** Marked sent, and the mark written (the outbox writes marks a moment later, or with its next write). */
    private static void sent(Outbox outbox, long id, String channel, String ref) {
        outbox.markSent(id, channel, ref);
        outbox.flushMarks();
    }

    private static void doneWith(Outbox outbox, long id, String outcome) {
        outbox.markDone(id, outcome);
        outbox.flushMarks();
    }

    private static Outbound text(Recipient to, String text) {
        return Outbound.plain(to, text);
    }

    private static List<String> texts(List<Outbox.Queued> queued) {
        return queued.stream().map(q -> q.message().text()).toList();
    }

    private static Outbox.Queued single(List<Outbox.Queued> queued) {
        assertThat(queued).hasSize(1);
        return queued.get(0);
    }

    private static <T> T inTx(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    private static void inTx(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }
}
