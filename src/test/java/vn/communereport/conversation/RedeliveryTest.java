package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.AccessService;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Texts;
import vn.communereport.telegram.TestConsumer;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.Updates;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Telegram delivers an update again when the bot did not confirm it; the same update_id must change nothing the
 * second time: no second answer, no second history row, no second reply, no "this code was already used".
 */
@LongRunning
class RedeliveryTest {

    static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");
    static final int ROUNDS = 50;
    /** More deliveries than cores, so that one is sometimes paused between checking and claiming. */
    static final int DELIVERIES = 8;

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theSameInboundTwiceIsAppliedOnce() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        ConversationEngine engine = bot.bean(ConversationEngine.class);
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Question first = context.report().flow("kinh-te").orElseThrow().questions().get(0);

        Reply invite = engine.handle(Inbound.text(telegram(Office.ADMIN), "9001", "Lò Văn Phòng", "/moi kinh-te"));
        Matcher code = INVITE.matcher(invite.messages().get(0).text());
        assertThat(code.find()).isTrue();

        Inbound join = Inbound.text(telegram(2001), "9002", "Hà Thị Kinh", code.group(1));
        Reply joined = engine.handle(join);
        assertThat(joined.duplicate()).as("first delivery of the join").isFalse();
        assertThat(texts(joined)).anyMatch(t -> t.contains("Bạn đã tham gia")).anyMatch(t -> t.contains("Câu 1/"));
        Reply joinedAgain = engine.handle(join);
        assertThat(joinedAgain.duplicate()).as("second delivery of the join is recognised").isTrue();
        assertThat(joinedAgain.messages()).as("no «code already used», nothing at all").isEmpty();

        Inbound answer = Inbound.text(telegram(2001), "9003", "Hà Thị Kinh", "120");
        Reply saved = engine.handle(answer);
        assertThat(saved.duplicate()).isFalse();
        assertThat(texts(saved)).anyMatch(t -> t.contains("✅ Đã lưu: 120")).anyMatch(t -> t.contains("Câu 2/"));
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        Answer stored = bot.bean(CollectionService.class).answer(period.getId(), first.id()).orElseThrow();

        Reply again = engine.handle(answer);
        assertThat(again.duplicate()).as("second delivery of the answer is recognised").isTrue();
        assertThat(again.messages()).isEmpty();
        assertThat(again.buttonNotice()).isNull();
        Answer after = bot.bean(CollectionService.class).answer(period.getId(), first.id()).orElseThrow();
        assertThat(after.getVersion()).isEqualTo(stored.getVersion());
        assertThat(after.getUpdatedAt()).isEqualTo(stored.getUpdatedAt());
        assertThat(bot.bean(CollectionService.class).history(period.getId(), first.id())).hasSize(1);
        JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from answer", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from processed_delivery where delivery_id = '9003'", Long.class)).isEqualTo(1L);

        // The person is where the first delivery left them: on question 2, not asked question 1 again.
        Reply resumed = engine.handle(Inbound.text(telegram(2001), "9004", "Hà Thị Kinh", "/start"));
        assertThat(texts(resumed)).anyMatch(t -> t.contains("Câu 2/"));
    }

    @Test
    void theSameUpdateHandledSeveralTimesAtTheSameMomentIsAppliedOnce() throws Exception {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        // Several instances (or re-deliveries overlapping the first delivery) hand the same update to the engine at
        // once, 50 times: a check-then-insert that lets two through shows up within a few rounds.
        TestConsumer consumer = new TestConsumer(bot.bean(ConversationEngine.class), bot.bean(Texts.class), bot.bean(AccessService.class));
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        List<Question> questions = context.report().flow("kinh-te").orElseThrow().questions();
        consumer.consume(Updates.text(Office.ADMIN, "/moi kinh-te"));
        Matcher code = INVITE.matcher(last(consumer, Office.ADMIN).text());
        assertThat(code.find()).isTrue();
        long member = 2001;
        consumer.consume(Updates.text(member, code.group(1)));
        assertThat(last(consumer, member).text()).contains("Câu 1/");

        ExecutorService threads = Executors.newFixedThreadPool(DELIVERIES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int seen = consumer.sentTo(member).size();
                String value = String.valueOf(500 + round);
                Update update = Updates.text(member, value);
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<?>> both = new ArrayList<>();
                for (int i = 0; i < DELIVERIES; i++) {
                    both.add(threads.submit(() -> {
                        gate.await();
                        consumer.consume(update);
                        return null;
                    }));
                }
                gate.countDown();
                for (Future<?> f : both) {
                    f.get(30, TimeUnit.SECONDS);
                }
                List<String> got = consumer.sentTo(member).subList(seen, consumer.sentTo(member).size()).stream()
                        .map(Outbound::text).toList();
                assertThat(got).as("round %d: one reply to one update", round).singleElement()
                        .satisfies(t -> assertThat(t).contains("✅ Đã lưu: " + value).contains("Câu 2/"));
                consumer.consume(Updates.button(member, "b|" + questions.get(1).id()));
                assertThat(last(consumer, member).text()).contains("Câu 1/");
            }
        } finally {
            threads.shutdownNow();
        }
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        assertThat(bot.bean(CollectionService.class).history(period.getId(), questions.get(0).id()))
                .extracting(CollectionService.Change::newValue).as("one history row per update")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, ROUNDS).mapToObj(r -> String.valueOf(500 + r)).toList());
    }

    private static Outbound last(TestConsumer consumer, long chatId) {
        List<Outbound> sent = consumer.sentTo(chatId);
        assertThat(sent).as("messages to %d", chatId).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    @Test
    void anUpdateTelegramDeliversAgainToARestartedBotChangesNothing() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = startBot();
        api.awaitPolling(WAIT);
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser member = api.user(2001, "Hà Thị Kinh");
        long join = member.sends(Office.inviteCode(admin, "kinh-te"));
        member.awaitText("Bạn đã tham gia", WAIT);
        member.awaitText("Câu 1/", WAIT);
        long answer = member.sends("120");
        member.awaitText("✅ Đã lưu: 120", WAIT);
        long pause = member.presses(member.lastMessage().buttonData().stream().filter(d -> d.startsWith("p|")).findFirst().orElseThrow());
        member.awaitText("Đã tạm dừng", WAIT);
        api.awaitConfirmed(pause, WAIT);
        int messagesBefore = member.events().size();

        // The bot handled these, then died before its next getUpdates confirmed them: Telegram sends them again.
        bot.close();
        bot = null;
        api.redeliver(join);
        api.redeliver(answer);
        assertThat(api.pendingUpdateCount()).isEqualTo(2);
        bot = startBot();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.pendingUpdateCount() > 0) {
            assertThat(System.nanoTime()).as("the restarted bot takes the re-delivered updates").isLessThan(deadline);
            sleep(20);
        }
        member.expectNoMessage(Duration.ofSeconds(1));
        assertThat(member.events()).as("no second reply to a re-delivered update").hasSize(messagesBefore);

        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Question first = context.report().flow("kinh-te").orElseThrow().questions().get(0);
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        assertThat(bot.bean(CollectionService.class).history(period.getId(), first.id())).as("one save, one history row").hasSize(1);

        member.sends("/start");
        SentMessage resumed = member.awaitNext(WAIT);
        assertThat(resumed.text()).contains("Tiếp tục từ câu đang dở").contains("Câu 2/");
    }

    private BotProcess startBot() {
        return BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of("app.reminders.initial-delay", "PT24H"));
    }

    private static List<String> texts(Reply reply) {
        return reply.messages().stream().map(Outbound::text).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChannelIdentity telegram(long userId) {
        return new ChannelIdentity("telegram", String.valueOf(userId), String.valueOf(userId));
    }
}
