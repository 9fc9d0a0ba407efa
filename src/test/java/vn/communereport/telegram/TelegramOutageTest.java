package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbox;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.RecordedCall;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Telegram down at start-up, down for a while in the middle, answering 5xx or 429 to a send, and people who
 * blocked the bot: the bot keeps going, answers what was sent meanwhile once it can, and loses nothing.
 */
@LongRunning
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
        return startBot(api.baseUrl());
    }

    private BotProcess startBot(String apiUrl) {
        return BotProcess.start(apiUrl, data, String.valueOf(ADMIN),
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

    /**
     * Telegram takes updates but no message for 26 s, first answering 503 and then 429 asking for 2 s each time:
     * longer than any fixed number of tries (the sender that gave up after 8 lost these). The last part is handed in
     * meanwhile and three people write; once Telegram takes messages again, every reply, the notices and "all parts
     * are in" arrive, each chat's in the order they were said, none twice.
     */
    @Test
    void everythingSaidWhileTelegramRefusesMessagesArrivesAfterwardsInOrderAndOnce() throws Exception {
        try (BotApiGate gate = BotApiGate.in(api.baseUrl())) {
            bot = startBot(gate.baseUrl());
            api.awaitPolling(WAIT);
            ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
            ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
            Flow last = context.flows().stream().min(Comparator.comparingInt(Flow::size)).orElseThrow();
            handInAllBut(last.departmentCode());

            FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
            admin.sends("/start");
            admin.awaitText("quản trị", WAIT);
            FakeUser member = join(admin, last.departmentCode(), 2001, "Người Nộp");
            FakeUser colleague = join(admin, last.departmentCode(), 2002, "Đồng Nghiệp");
            FlowDriver driver = new FlowDriver(member, last, FlowDriver.fromTable(SeedReport.tableValues(report)));
            SentMessage review = driver.answerUntilReview(driver.nextQuestionOrReview(), Integer.MAX_VALUE);
            if (!review.buttonData().contains("sub")) {
                member.awaitMessage(m -> m.buttonData().contains("sub"), WAIT);
            }
            member.presses("sub");
            member.awaitText("Xác nhận nộp", WAIT);
            String confirm = member.lastMessage().buttonData().stream().filter(d -> d.startsWith("subok|")).findFirst().orElseThrow();
            int memberSeen = member.messages().size();
            int colleagueSeen = colleague.messages().size();
            int adminSeen = admin.messages().size();

            gate.refuse("sendMessage", 503, "Service Unavailable", null, Duration.ofSeconds(12));
            gate.refuse("sendMessage", 429, "Too Many Requests: retry after 2", 2, Duration.ofSeconds(14));
            api.awaitConfirmed(member.presses(confirm), WAIT);
            api.awaitConfirmed(member.sends("/xem"), WAIT);
            api.awaitConfirmed(colleague.sends("/start"), WAIT);
            api.awaitConfirmed(admin.sends("/tiendo"), WAIT);
            // Counted while the gate still refuses: a retry the moment it opens may rightly get through.
            while (gate.refusingFor().compareTo(Duration.ofMillis(700)) > 0) {
                sleep(100);
            }
            assertThat(member.messages()).as("nothing reached anyone while Telegram refused").hasSize(memberSeen);
            assertThat(colleague.messages()).hasSize(colleagueSeen);
            assertThat(admin.messages()).hasSize(adminSeen);
            while (gate.refusing()) {
                sleep(100);
            }
            List<BotApiGate.Held> refused = gate.refused();
            assertThat(refused).as("tried during the outage, calmly").hasSizeBetween(3, 40);
            assertThat(refused).extracting(BotApiGate.Held::text).anyMatch(t -> t.contains("Đã nộp phần") || t.contains("Đã nhận đủ"));

            SentMessage progress = admin.awaitText("📊 Tiến độ", WAIT);
            member.awaitText("📋", WAIT);
            colleague.awaitText("đã được nộp", WAIT);
            sleep(1_000); // and nothing more comes
            List<String> toMember = texts(member.messages().subList(memberSeen, member.messages().size()));
            List<String> toColleague = texts(colleague.messages().subList(colleagueSeen, colleague.messages().size()));
            List<SentMessage> toAdmin = admin.messages().subList(adminSeen, admin.messages().size());
            assertThat(toMember.get(0)).as("the member's messages in order: %s", toMember).contains("Đã nộp phần");
            assertThat(toMember.subList(1, toMember.size())).isNotEmpty().allMatch(t -> !t.contains("Đã nộp phần"));
            assertThat(toMember.get(1)).contains("📋");
            assertThat(toColleague).as("the colleague's, in order").satisfiesExactly(
                    notice -> assertThat(notice).contains("đã nộp phần"),
                    reply -> assertThat(reply).contains("đã được nộp"));
            assertThat(toAdmin).as("the office's, in order").satisfiesExactly(
                    allIn -> assertThat(allIn.text()).contains("Đã nhận đủ tất cả các phần"),
                    reply -> assertThat(reply).isEqualTo(progress));
            assertThat(toAdmin.get(0).buttonData()).anyMatch(d -> d.startsWith("draft|"));
            assertThat(toMember).as("none twice").doesNotHaveDuplicates();
            assertThat(api.calls("sendMessage")).filteredOn(c -> text(c).contains("Đã nhận đủ")).as("sent once")
                    .singleElement().satisfies(c -> assertThat(c.isOk()).isTrue());
            assertThat(bot.bean(Outbox.class).pending()).as("the outbox is empty again").isZero();
        }
    }

    /** Every department but one has handed its part in (as if their members had, earlier). */
    private void handInAllBut(String lastDepartment) {
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        List<String> all = context.flows().stream().map(Flow::departmentCode).toList();
        for (String department : all) {
            if (!department.equals(lastDepartment)) {
                assertThat(bot.bean(CollectionService.class).submit(period, department, 2000, all).submitted()).isTrue();
            }
        }
    }

    private static List<String> texts(List<SentMessage> messages) {
        return messages.stream().map(SentMessage::text).toList();
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
        return join(admin, "kinh-te", id, name);
    }

    private FakeUser join(FakeUser admin, String department, long id, String name) {
        admin.sends("/moi " + department);
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
