package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.RecordedCall;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Telegram down at start-up, down for a while in the middle, answering 5xx or 429 to a send, and people who
 * blocked the bot: the bot keeps going, answers what was sent meanwhile once it can, and loses nothing.
 */
class TelegramOutageTest {

    static final long ADMIN = 1001;
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration OUTAGE = Duration.ofSeconds(3);
    static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void startApi() {
        api = FakeBotApi.start(BotProcess.TOKEN);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        api.close();
    }

    private BotProcess startBot() {
        return BotProcess.start(api.baseUrl(), data, String.valueOf(ADMIN),
                Map.of("app.reminders.initial-delay", "PT24H", "app.outbox.poll-interval", "PT0.2S"));
    }

    @ParameterizedTest
    @EnumSource(FakeBotApi.Mode.class)
    void startedWhileTelegramIsUnreachableTheBotKeepsTryingCalmlyAndThenAnswers(FakeBotApi.Mode mode) {
        api.setUnavailableMode(mode);
        api.setUnavailable(true);
        bot = startBot();
        sleep(OUTAGE.toMillis());
        List<RecordedCall> duringOutage = api.calls();
        api.setUnavailable(false);
        Instant back = Instant.now();

        long registrations = duringOutage.stream().filter(c -> c.normalizedMethod().equals("getme")
                || c.normalizedMethod().equals("deletewebhook")).count();
        Map<String, Long> byMethod = duringOutage.stream()
                .collect(java.util.stream.Collectors.groupingBy(RecordedCall::normalizedMethod, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertThat(registrations).as("getMe/deleteWebhook calls during a %s outage (calls by method: %s)", OUTAGE, byMethod)
                .isBetween(2L, 6L);
        assertThat(duringOutage).as("all calls during the outage (by method: %s)", byMethod).hasSizeLessThanOrEqualTo(10);

        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/start");
        SentMessage welcome = admin.awaitText("quản trị", WAIT);
        assertThat(welcome.date()).isAfterOrEqualTo(back);
        assertThat(api.myCommands()).containsKeys("start", "xem", "nop");
    }

    @Test
    void whatPeopleSendWhileTelegramIsDownIsAnsweredOnceItIsBack() {
        bot = startBot();
        api.awaitPolling(WAIT);
        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/start");
        admin.awaitText("quản trị", WAIT);

        for (FakeBotApi.Mode mode : FakeBotApi.Mode.values()) {
            api.awaitLongPollHeld(WAIT);
            api.setUnavailableMode(mode);
            api.setUnavailable(true);
            sleep(500);
            long sent = admin.sends("/tiendo");
            sleep(OUTAGE.toMillis() - 500);
            assertThat(admin.events()).as("nothing can reach the person during the %s outage", mode)
                    .noneMatch(m -> m.text().contains("Tiến độ") && m.date().isAfter(Instant.now().minus(OUTAGE)));
            Instant back = Instant.now();
            api.setUnavailable(false);
            SentMessage progress = admin.awaitText("📊 Tiến độ", WAIT);
            assertThat(progress.date()).as("answered after the %s outage", mode).isAfterOrEqualTo(back);
            api.awaitConfirmed(sent, WAIT);

            // Telegram goes down just as the bot sends its answer: the answer goes out once Telegram is back.
            Instant asked = Instant.now();
            api.goDownOnNext("sendMessage", OUTAGE);
            admin.sends("/tiendo");
            SentMessage late = admin.awaitText("📊 Tiến độ", WAIT.plus(OUTAGE));
            assertThat(late.date()).as("sent once the %s outage was over", mode).isAfterOrEqualTo(asked.plus(OUTAGE).minusMillis(500));
            List<RecordedCall> attempts = sendMessages(c -> !c.receivedAt().isBefore(asked) && text(c).contains("📊 Tiến độ"),
                    found -> found.stream().anyMatch(RecordedCall::isOk));
            assertThat(attempts).as("the first attempt met the %s outage, the last went through", mode)
                    .extracting(RecordedCall::isOk).startsWith(false).endsWith(true).containsOnlyOnce(true);
        }
        assertThat(admin.messages()).filteredOn(m -> m.text().contains("📊 Tiến độ")).as("each answered once").hasSize(4);
    }

    @Test
    void aReplyThatTelegramRefusesForAWhileStillArrivesInOrderAndOnce() {
        bot = startBot();
        api.awaitPolling(WAIT);
        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/start");
        admin.awaitText("quản trị", WAIT);

        // Two 502s, then Telegram takes it.
        api.failNext("sendMessage", 502, "Bad Gateway");
        api.failNext("sendMessage", 502, "Bad Gateway");
        admin.sends("/tiendo");
        admin.awaitText("📊 Tiến độ", WAIT);
        assertThat(sendMessages(c -> text(c).contains("📊 Tiến độ"), found -> found.size() >= 3))
                .extracting(RecordedCall::status).containsExactly(502, 502, 200);

        // 429 on the first of two messages: the bot waits the second Telegram asks for, then sends both, in order.
        admin.sends("/moi kinh-te");
        Matcher code = INVITE.matcher(admin.awaitText("Mã mời", WAIT).text());
        assertThat(code.find()).isTrue();
        FakeUser member = api.user(2001, "Hà Thị Kinh");
        api.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
        member.sends(code.group(1));
        SentMessage joined = member.awaitText("Bạn đã tham gia Phòng Kinh tế", WAIT);
        SentMessage question = member.awaitText("Câu 1/", WAIT);
        List<RecordedCall> sends = sendMessages(c -> String.valueOf(member.chatId()).equals(c.param("chat_id")),
                found -> found.size() >= 3);
        assertThat(sends).extracting(RecordedCall::status).containsExactly(429, 200, 200);
        assertThat(Duration.between(sends.get(0).receivedAt(), sends.get(1).receivedAt()))
                .as("waited as retry_after asked").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(member.messages()).containsExactly(joined, question);
    }

    @Test
    void peopleWhoBlockedTheBotDoNotKeepTheOthersFromTheirNotices() {
        bot = startBot();
        api.awaitPolling(WAIT);
        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        // Joined in this order, so the blocked ones come first when the department is told.
        FakeUser blockedEarly = join(admin, 2001, "Chặn Sớm");
        FakeUser blockedLate = join(admin, 2002, "Chặn Muộn");
        FakeUser willing = join(admin, 2003, "Vẫn Nhận");
        blockedEarly.blocksBot();

        admin.sends("/moky");
        SentMessage periods = admin.awaitText("Chọn kỳ báo cáo", WAIT);
        List<String> keys = periods.buttonData().stream().filter(d -> d.startsWith("okp|")).toList();
        admin.presses(keys.get(1));
        admin.awaitText("Gửi hạn nộp", WAIT);
        admin.sends("31/12/2030");
        assertThat(admin.awaitText("Đã mở", WAIT).text()).contains("31/12/2030");
        assertThat(willing.awaitText("📣 Văn phòng đã mở", WAIT).text()).contains("31/12/2030");
        assertThat(blockedLate.awaitText("📣 Văn phòng đã mở", WAIT).text()).contains("31/12/2030");
        assertThat(forbiddenSendsTo(blockedEarly)).as("the notice was tried on the member who blocked the bot").isEqualTo(1);

        blockedLate.blocksBot();
        admin.sends("/nhacnho");
        admin.awaitText("Nhắc phòng nào", WAIT);
        admin.presses("rem|kinh-te");
        admin.awaitText("Đã gửi nhắc nhở", WAIT);
        assertThat(willing.awaitText("⏰ Nhắc nộp báo cáo", WAIT).text()).contains("Phòng Kinh tế");
        assertThat(forbiddenSendsTo(blockedLate)).as("the reminder was tried on the member who blocked the bot since").isEqualTo(1);
        assertThat(forbiddenSendsTo(blockedEarly)).as("a member known to have blocked the bot is not tried again").isEqualTo(1);
        assertThat(blockedEarly.messages()).noneMatch(m -> m.text().contains("📣") || m.text().contains("⏰"));
        assertThat(blockedLate.messages()).noneMatch(m -> m.text().contains("⏰"));
    }

    /** The sendMessage calls that match, once {@code done} holds for them (a call is recorded just as it is answered). */
    private List<RecordedCall> sendMessages(Predicate<RecordedCall> matching, Predicate<List<RecordedCall>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(api.calls("sendMessage").stream().filter(matching).toList()) && System.nanoTime() < deadline) {
            sleep(10);
        }
        sleep(200); // and no more come
        return api.calls("sendMessage").stream().filter(matching).toList();
    }

    private static String text(RecordedCall call) {
        return String.valueOf(call.param("text"));
    }

    private long forbiddenSendsTo(FakeUser user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (forbiddenSendsNow(user) == 0 && System.nanoTime() < deadline) {
            sleep(10);
        }
        return forbiddenSendsNow(user);
    }

    private long forbiddenSendsNow(FakeUser user) {
        return api.calls("sendMessage").stream()
                .filter(c -> String.valueOf(user.chatId()).equals(c.param("chat_id")) && c.status() == 403).count();
    }

    private FakeUser join(FakeUser admin, long id, String name) {
        admin.sends("/moi kinh-te");
        Matcher code = INVITE.matcher(admin.awaitText("Mã mời", WAIT).text());
        assertThat(code.find()).isTrue();
        FakeUser member = api.user(id, name);
        member.sends(code.group(1));
        member.awaitText("Bạn đã tham gia", WAIT);
        return member;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
