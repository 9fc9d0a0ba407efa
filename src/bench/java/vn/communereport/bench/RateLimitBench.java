package vn.communereport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Outbox;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Rate-limited sending: reminders queued in the outbox at once (as the reminder job queues a slot) go out through
 * the stand-in with Telegram's limits enforced ({@code enforceRateLimits(true)}: 30 messages/s for the bot, 1/s per
 * chat after a burst of 3; a message over the limit gets 429). The bot runs in this JVM with its production pacing
 * (25/s after a burst of 4, 1/s per chat after 3, unless told otherwise) and outbox poll interval (1 s).
 */
final class RateLimitBench {

    void run(int count, double rate, int burst) throws Exception {
        Path data = Files.createTempDirectory("ratelimit-bench");
        FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
        api.enforceRateLimits(true);
        try (BotProcess bot = BotProcess.start(api.baseUrl(), data, "1001", Map.of(
                "telegram.chat-messages-per-second", "1", "telegram.chat-burst", "3",
                "telegram.messages-per-second", String.valueOf(rate), "telegram.burst", String.valueOf(burst),
                "app.reminders.initial-delay", "PT24H", "logging.level.root", "WARN"))) {
            api.awaitPolling(java.time.Duration.ofSeconds(60));
            List<FakeUser> users = new ArrayList<>();
            List<Outbound> reminders = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                FakeUser user = api.user(500_000 + i, "Người " + i).withOpenedChat();
                users.add(user);
                reminders.add(new Outbound(Recipient.address("telegram", String.valueOf(user.chatId())), "⏰ Nhắc nộp báo cáo số " + i, List.of()));
            }
            long started = System.nanoTime();
            bot.bean(Outbox.class).enqueue(reminders);
            long last = started;
            int lost = 0;
            for (FakeUser user : users) {
                try {
                    SentMessage m = user.awaitText("⏰ Nhắc nộp báo cáo số", java.time.Duration.ofSeconds(180));
                    last = Math.max(last, m.arrivedNanos());
                } catch (AssertionError e) {
                    lost++;
                }
            }
            double seconds = (last - started) / 1e9;
            long duplicates = users.stream().filter(u -> u.messages().size() > 1).count();
            double allowed = (count - burst) / rate;
            double telegram = (count - 30) / 30.0;
            System.out.printf(Locale.ROOT, "%n== Rate-limited sending: %d queued reminders, stand-in enforcing Telegram's limits ==%n", count);
            System.out.printf(Locale.ROOT, "   all sent in %.2f s; the bot's limit (%.0f/s after a burst of %d) allows %.2f s: %+.1f%% (target within 10%%)%n",
                    seconds, rate, burst, allowed, 100 * (seconds / allowed - 1));
            System.out.printf(Locale.ROOT, "   Telegram's own limit (30/s) would allow %.2f s; 429 answers provoked: %d; lost: %d; sent twice: %d%n",
                    telegram, api.tooManyRequestsCount(), lost, duplicates);
        } finally {
            api.close();
            EndToEndBench.deleteTree(data);
        }
    }
}
