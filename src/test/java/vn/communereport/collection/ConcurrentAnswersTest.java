package vn.communereport.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static vn.communereport.testsupport.Updates.button;
import static vn.communereport.testsupport.Updates.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Texts;
import vn.communereport.telegram.TestConsumer;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;

/**
 * Two real threads store the same question of the same period at the same moment, 50 times over: exactly one
 * wins, the other is told the answer changed (or fails with a race the bot retries), the stored value is the
 * winner's, and the answer's history has one row per successful save and nothing from the loser.
 */
@LongRunning
class ConcurrentAnswersTest {

    static final int ROUNDS = 50;
    static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");

    @TempDir
    static Path data;
    static BotProcess bot;
    static CollectionService collection;
    static ReportScope context;
    static ReportingPeriod period;
    static JdbcTemplate jdbc;
    static ExecutorService threads;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, "1001",
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        collection = bot.bean(CollectionService.class);
        context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        jdbc = bot.bean(JdbcTemplate.class);
        period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        bot.close();
    }

    /** What one thread's call came to: an outcome or what it threw. */
    record Result(SaveOutcome outcome, Throwable error) {
        boolean saved() {
            return outcome != null && outcome.kind() == SaveOutcome.Kind.SAVED;
        }

        String describe() {
            return error != null ? error.getClass().getSimpleName() : outcome == null ? "-" : outcome.kind().name();
        }
    }

    @Test
    void twoSavesOfOneQuestionAtTheSameMomentStoreExactlyOneWithItsHistory() throws Exception {
        List<Question> questions = context.flows().stream().filter(f -> !f.departmentCode().equals("kinh-te"))
                .flatMap(f -> f.questions().stream()).filter(q -> q.type().numeric()).limit(ROUNDS).toList();
        assertThat(questions).hasSize(ROUNDS);
        Map<String, Integer> losers = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            Question question = questions.get(round);

            // The first answer: neither had seen one (shownVersion null).
            AnswerValue a = number(1000 + round);
            AnswerValue b = number(2000 + round);
            List<Result> first = race(() -> collection.save(period, question, a, 2001, null, false),
                    () -> collection.save(period, question, b, 2002, null, false));
            AnswerValue firstValue = winner(first, a, b, "first answer to " + question.id(), losers);
            Answer stored = collection.answer(period.getId(), question.id()).orElseThrow();
            assertThat(stored.value().text()).isEqualTo(firstValue.text());
            long shown = stored.getVersion();

            // A change: both had seen that answer (the same shownVersion).
            AnswerValue c = number(3000 + round);
            AnswerValue d = number(4000 + round);
            List<Result> second = race(() -> collection.save(period, question, c, 2003, shown, false),
                    () -> collection.save(period, question, d, 2004, shown, false));
            AnswerValue secondValue = winner(second, c, d, "change of " + question.id(), losers);
            Answer changed = collection.answer(period.getId(), question.id()).orElseThrow();
            assertThat(changed.value().text()).as("stored value of %s", question.id()).isEqualTo(secondValue.text());
            assertThat(changed.getVersion()).isEqualTo(shown + 1);

            List<Map<String, Object>> history = jdbc.queryForList(
                    "select answer_id, old_value, new_value, changed_by from answer_change where period_id = ? and question_id = ? order by id",
                    period.getId(), question.id());
            assertThat(history).as("history of %s: one row per successful save", question.id()).hasSize(2);
            assertThat(history).allSatisfy(row -> assertThat(((Number) row.get("ANSWER_ID")).longValue()).isEqualTo(changed.getId()));
            assertThat(history.get(0).get("OLD_VALUE")).isNull();
            assertThat(history.get(0).get("NEW_VALUE")).isEqualTo(firstValue.text());
            assertThat(history.get(1).get("OLD_VALUE")).isEqualTo(firstValue.text());
            assertThat(history.get(1).get("NEW_VALUE")).isEqualTo(secondValue.text());
        }
        // Nothing half-written anywhere: no answer without its history, no history of a save that lost.
        List<String> asked = questions.stream().map(Question::id).toList();
        assertThat(jdbc.queryForList("select question_id from answer where period_id = ?", String.class, period.getId()))
                .containsAll(asked);
        assertThat(jdbc.queryForObject("select count(*) from answer_change c where c.period_id = ? and c.answer_id not in "
                + "(select id from answer)", Long.class, period.getId())).isZero();
        System.out.println("Concurrent saves, how the losers lost: " + losers);
    }

    @Test
    void sendingTheValueAlreadyStoredIsNoChange() {
        Question question = context.report().flow("trung-tam-hcc").orElseThrow().questions().stream()
                .filter(q -> q.type().numeric()).reduce((a, b) -> b).orElseThrow();
        assertThat(collection.save(period, question, number(120), 2001, null, false).kind()).isEqualTo(SaveOutcome.Kind.SAVED);
        Answer stored = collection.answer(period.getId(), question.id()).orElseThrow();
        // Read back from the database the number has the column's scale (120.000000): still the same value.
        SaveOutcome again = collection.save(period, question, number(120), 2002, stored.getVersion(), false);
        assertThat(again.kind()).isEqualTo(SaveOutcome.Kind.SAVED);
        Answer after = collection.answer(period.getId(), question.id()).orElseThrow();
        assertThat(after.getVersion()).as("no new version for the same value").isEqualTo(stored.getVersion());
        assertThat(collection.history(period.getId(), question.id())).as("no history row for the same value").hasSize(1);
    }

    @Test
    void twoMembersAnsweringTheSameQuestionAtOnceOneIsSavedTheOtherIsAsked() throws Exception {
        ConversationEngine real = bot.bean(ConversationEngine.class);
        List<Throwable> races = Collections.synchronizedList(new ArrayList<>());
        ConversationEngine engine = mock(ConversationEngine.class);
        when(engine.handle(any())).thenAnswer(invocation -> {
            try {
                return real.handle(invocation.getArgument(0));
            } catch (RuntimeException e) {
                races.add(e);
                throw e;
            }
        });
        TestConsumer consumer = new TestConsumer(engine, bot.bean(Texts.class), bot.bean(AccessService.class));
        Flow economy = context.report().flow("kinh-te").orElseThrow();
        Question first = economy.questions().get(0);
        Question second = economy.questions().get(1);

        long lan = 2101;
        long minh = 2102;
        for (long member : new long[] {lan, minh}) {
            consumer.consume(text(1001, "/moi kinh-te"));
            Matcher code = INVITE.matcher(last(consumer, 1001).text());
            assertThat(code.find()).isTrue();
            consumer.consume(text(member, code.group(1)));
            assertThat(last(consumer, member).text()).contains("Câu 1/" + economy.size());
        }

        int engineRounds = 20;
        List<String> winners = new ArrayList<>();
        for (int round = 0; round < engineRounds; round++) {
            int lanSeen = consumer.sentTo(lan).size();
            int minhSeen = consumer.sentTo(minh).size();
            String lanValue = String.valueOf(100 + 2 * round);
            String minhValue = String.valueOf(101 + 2 * round);
            race(() -> {
                consumer.consume(text(lan, lanValue));
                return null;
            }, () -> {
                consumer.consume(text(minh, minhValue));
                return null;
            });
            String lanGot = joined(consumer.sentTo(lan).subList(lanSeen, consumer.sentTo(lan).size()));
            String minhGot = joined(consumer.sentTo(minh).subList(minhSeen, consumer.sentTo(minh).size()));
            assertThat(lanGot + minhGot).as("round %d: nobody gets an apology", round).doesNotContain("Xin lỗi");
            boolean lanWon = lanGot.contains("✅ Đã lưu");
            boolean minhWon = minhGot.contains("✅ Đã lưu");
            assertThat(lanWon ^ minhWon).as("round %d: exactly one saved; Lan got «%s», Minh got «%s»", round, lanGot, minhGot).isTrue();
            long loser = lanWon ? minh : lan;
            String loserGot = lanWon ? minhGot : lanGot;
            String winnerValue = lanWon ? lanValue : minhValue;
            winners.add(winnerValue);
            assertThat(loserGot).as("round %d: the other is asked before anything is overwritten", round)
                    .contains("vừa được").contains(winnerValue);
            Answer stored = collection.answer(period.getId(), first.id()).orElseThrow();
            assertThat(stored.value().number()).isEqualByComparingTo(winnerValue);

            // The other keeps the colleague's value; both go back to question 1 for the next round.
            consumer.consume(button(loser, "kw|" + first.id()));
            assertThat(last(consumer, loser).text()).contains("Câu 2/");
            for (long member : new long[] {lan, minh}) {
                consumer.consume(button(member, "b|" + second.id()));
                assertThat(last(consumer, member).text()).contains("Câu 1/");
            }
        }
        List<Map<String, Object>> history = jdbc.queryForList(
                "select old_value, new_value from answer_change where period_id = ? and question_id = ? order by id",
                period.getId(), first.id());
        assertThat(history).extracting(row -> row.get("NEW_VALUE")).as("one history row per saved answer, the winners in order")
                .containsExactlyElementsOf(winners);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).get("OLD_VALUE")).isEqualTo(history.get(i - 1).get("NEW_VALUE"));
        }
        assertThat(races).allSatisfy(e -> assertThat(e).isInstanceOfAny(DataIntegrityViolationException.class,
                ConcurrencyFailureException.class));
        System.out.println("Engine rounds: " + engineRounds + ", races retried by the consumer: " + races.size()
                + " " + races.stream().map(e -> e.getClass().getSimpleName()).distinct().toList());
    }

    // ------------------------------------------------------------------ plumbing

    private static AnswerValue number(int value) {
        return AnswerValue.ofNumber(BigDecimal.valueOf(value));
    }

    /** Exactly one SAVED; the other STALE or a race the bot retries. Returns the value that won. */
    private static AnswerValue winner(List<Result> results, AnswerValue first, AnswerValue second, String what,
                                      Map<String, Integer> losers) {
        assertThat(results).as("%s: %s", what, results.stream().map(Result::describe).toList())
                .filteredOn(Result::saved).hasSize(1);
        Result lost = results.get(0).saved() ? results.get(1) : results.get(0);
        if (lost.error() != null) {
            assertThat(lost.error()).as(what).isInstanceOfAny(DataIntegrityViolationException.class, ConcurrencyFailureException.class);
        } else {
            assertThat(lost.outcome().kind()).as(what).isEqualTo(SaveOutcome.Kind.STALE);
        }
        losers.merge(lost.describe(), 1, Integer::sum);
        return results.get(0).saved() ? first : second;
    }

    /** Runs both at the same moment, on two threads released by one gate. */
    @SafeVarargs
    private static <T> List<Result> race(Callable<T>... calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.length);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Result>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                gate.await();
                try {
                    Object value = call.call();
                    return new Result(value instanceof SaveOutcome outcome ? outcome : null, null);
                } catch (RuntimeException e) {
                    return new Result(null, e);
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        List<Result> results = new ArrayList<>();
        for (Future<Result> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static Outbound last(TestConsumer consumer, long chatId) {
        List<Outbound> sent = consumer.sentTo(chatId);
        assertThat(sent).as("messages to %d", chatId).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    private static String joined(List<Outbound> messages) {
        return String.join("\n---\n", messages.stream().map(Outbound::text).toList());
    }
}
