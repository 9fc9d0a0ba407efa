package vn.communereport.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Outbox;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Time moves from a week before a deadline to three days after it, hour by hour, through a restart; each
 * department gets exactly the reminders the schedule says, through the real bot and the Bot API stand-in.
 */
@LongRunning
class RemindersEndToEndTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long ADMIN = 1001;

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        // Friday 11 December 2026, 09:00: a week before the deadline.
        clock = new MutableClock(ZonedDateTime.of(2026, 12, 11, 9, 0, 0, 0, HANOI));
        bot = startBot(Map.of());
    }

    private BotProcess startBot(Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "app.reminders.initial-delay", "PT24H",
                "app.outbox.poll-interval", "PT0.1S"));
        properties.putAll(extra);
        return BotProcess.start(api.baseUrl(), data, String.valueOf(ADMIN), properties, clock);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        api.close();
    }


    /** Runs the scheduler once at the clock's time and waits for the outbox to be empty. */
    private void tick() {
        bot.bean(ReminderService.class).queueDue();
        Outbox outbox = bot.bean(Outbox.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (outbox.pending() > 0) {
            assertThat(System.nanoTime()).as("outbox drained").isLessThan(deadline);
            sleep(20);
        }
    }

    @Test
    void remindersFollowTheScheduleOnlyToLateDepartmentsNeverAtNightAndNeverTwice() {
        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/moky");
        admin.awaitText("Chọn kỳ báo cáo", WAIT);
        admin.presses("okp|2026-H2");
        admin.awaitText("Gửi hạn nộp", WAIT);
        // Thursday: the working morning after the deadline (Friday) comes before entry locks (deadline + 24 h of grace,
        // cut_off of reports/cchc); the next (Monday) after it, when only the office is told who is late.
        admin.sends("17/12/2026");
        assertThat(admin.awaitText("Đã mở", WAIT).text()).contains("17:00 ngày 17/12/2026");

        FakeUser economist = Office.join(api, admin, "kinh-te", 2001, "Kinh Tế");
        FakeUser office = Office.join(api, admin, "van-phong", 2002, "Văn Phòng");
        FakeUser culture1 = Office.join(api, admin, "van-hoa-xa-hoi", 2003, "Văn Hóa Một");
        FakeUser culture2 = Office.join(api, admin, "van-hoa-xa-hoi", 2004, "Văn Hóa Hai");
        FakeUser centre = Office.join(api, admin, "trung-tam-hcc", 2005, "Một Cửa");
        FakeUser blocker = Office.join(api, admin, "trung-tam-hcc", 2006, "Đã Chặn Bot");

        // Phòng Kinh tế submits its part before any reminder is due.
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        Flow economy = report.flow("kinh-te").orElseThrow();
        FlowDriver driver = new FlowDriver(economist, economy, FlowDriver.fromTable(SeedReport.tableValues(report)));
        // Joining already put the first question.
        driver.answerUntilReview(driver.nextQuestionOrReview(), Integer.MAX_VALUE);
        Office.submit(economist);
        blocker.blocksBot();

        List<FakeUser> late = List.of(office, culture1, culture2, centre);
        Map<FakeUser, List<ZonedDateTime>> received = new LinkedHashMap<>();
        List<FakeUser> everybody = List.of(economist, office, culture1, culture2, centre, blocker, admin);
        everybody.forEach(u -> received.put(u, new ArrayList<>()));
        Map<FakeUser, Integer> seen = new LinkedHashMap<>();
        everybody.forEach(u -> seen.put(u, u.messages().size()));

        ZonedDateTime end = ZonedDateTime.of(2026, 12, 21, 17, 0, 0, 0, HANOI);
        ZonedDateTime restartAt = ZonedDateTime.of(2026, 12, 17, 8, 30, 0, 0, HANOI);
        boolean restarted = false;
        while (!clock.now().isAfter(end)) {
            if (!restarted && !clock.now().isBefore(restartAt)) {
                bot.close();
                bot = startBot(Map.of());
                restarted = true;
            }
            tick();
            for (FakeUser user : everybody) {
                List<SentMessage> messages = user.messages();
                for (SentMessage message : messages.subList(seen.get(user), messages.size())) {
                    if (message.text().contains("⏰") || message.text().contains("⚠️ Đã quá hạn") || message.text().startsWith("📋")) {
                        received.get(user).add(clock.now());
                    }
                }
                seen.put(user, messages.size());
            }
            clock.advance(Duration.ofMinutes(30));
        }

        List<ZonedDateTime> expected = List.of(
                ZonedDateTime.of(2026, 12, 14, 8, 0, 0, 0, HANOI),
                ZonedDateTime.of(2026, 12, 16, 8, 0, 0, 0, HANOI),
                ZonedDateTime.of(2026, 12, 17, 8, 0, 0, 0, HANOI),
                ZonedDateTime.of(2026, 12, 18, 8, 0, 0, 0, HANOI));
        for (FakeUser user : late) {
            assertThat(received.get(user)).as("reminders to %s", user.firstName()).containsExactlyElementsOf(expected);
        }
        // The restart at 08:30 on the 17th did not send the 08:00 reminder again; after the lock (18/12 17:00) members
        // are not reminded, since they could not answer.
        assertThat(received.get(economist)).as("submitted: no reminders").isEmpty();
        assertThat(received.get(blocker)).isEmpty();
        assertThat(received.get(admin)).as("late summaries to the office")
                .containsExactly(ZonedDateTime.of(2026, 12, 18, 8, 0, 0, 0, HANOI), ZonedDateTime.of(2026, 12, 21, 8, 0, 0, 0, HANOI));
        SentMessage summary = admin.messages().stream().filter(m -> m.text().startsWith("📋")).reduce((a, b) -> b).orElseThrow();
        assertThat(summary.text()).contains("3/4 phần chưa nộp").contains("Trung tâm Phục vụ hành chính công").doesNotContain("Phòng Kinh tế");
        SentMessage afterDeadline = office.messages().stream().filter(m -> m.text().contains("quá hạn")).findFirst().orElseThrow();
        assertThat(afterDeadline.text()).contains("Còn 25/25 câu");
        assertThat(afterDeadline.buttonData()).contains("rep|cchc");
    }

    @Test
    void twoSchedulersRunningAtOnceSendEachReminderOnce() throws Exception {
        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/moky");
        admin.awaitText("Chọn kỳ báo cáo", WAIT);
        admin.presses("okp|2026-H2");
        admin.awaitText("Gửi hạn nộp", WAIT);
        admin.sends("18/12/2026");
        admin.awaitText("Đã mở", WAIT);
        List<FakeUser> members = List.of(
                Office.join(api, admin, "kinh-te", 2001, "Một"), Office.join(api, admin, "van-phong", 2002, "Hai"),
                Office.join(api, admin, "van-hoa-xa-hoi", 2003, "Ba"), Office.join(api, admin, "trung-tam-hcc", 2004, "Bốn"));

        clock.set(ZonedDateTime.of(2026, 12, 15, 8, 0, 0, 0, HANOI));
        ReminderService reminders = bot.bean(ReminderService.class);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                gate.await();
                try {
                    return reminders.queueDue();
                } catch (RuntimeException lostTheRace) {
                    return -1;
                }
            }));
        }
        gate.countDown();
        int queued = 0;
        for (var run : runs) {
            queued += Math.max(0, run.get());
        }
        pool.shutdown();
        // A scheduler that lost the race queues nothing; the next round finds nothing left to send.
        queued += reminders.queueDue();
        tick();
        assertThat(queued).isEqualTo(members.size());
        for (FakeUser member : members) {
            List<SentMessage> got = member.messages().stream().filter(m -> m.text().startsWith("⏰")).toList();
            assertThat(got).as("reminders to %s", member.firstName()).hasSize(1);
            assertThat(got.get(0).text()).contains("Nhắc nộp báo cáo");
        }
    }

    @Test
    void queuedRemindersGoOutWithinTheRateLimitWithNoneLost() {
        bot.close();
        api.enforceRateLimits(true);
        bot = startBot(Map.of("telegram.chat-messages-per-second", "1", "telegram.chat-burst", "3", "telegram.messages-per-second", "25"));
        List<FakeUser> users = new ArrayList<>();
        List<Outbound> reminders = new ArrayList<>();
        // How fast 1,000 go out is RateLimitBench's to measure; here, that the limit holds and none is lost.
        int count = 250;
        for (int i = 0; i < count; i++) {
            FakeUser user = api.user(500_000 + i, "Người " + i).withOpenedChat();
            users.add(user);
            reminders.add(new Outbound(Recipient.address("telegram", String.valueOf(user.chatId())), "⏰ Nhắc nộp báo cáo số " + i, List.of()));
        }
        long started = System.nanoTime();
        bot.bean(Outbox.class).enqueue(reminders);
        for (FakeUser user : users) {
            user.awaitText("⏰ Nhắc nộp báo cáo số", Duration.ofSeconds(120));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(api.tooManyRequestsCount()).isZero();
        assertThat(users).allSatisfy(u -> assertThat(u.messages()).hasSize(1));
        // 25 a second after a burst of 4: never faster than that, or Telegram would have answered 429.
        assertThat(seconds).isGreaterThanOrEqualTo((count - 4) / 25.0 - 0.5);
        System.out.printf("%d reminders sent in %.1f s%n", count, seconds);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
