package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.RecordedCall;
import vn.communereport.testsupport.botapi.SentMessage;
import vn.communereport.testsupport.botapi.WebhookPost;

/**
 * The real application in webhook mode behind the Bot API stand-in, which posts every update to the application's
 * endpoint (as Telegram would post to https://bot.example.vn/telegram/webhook through an HTTPS proxy).
 */
@LongRunning
class WebhookModeTest {

    static final String PUBLIC = "https://bot.example.vn";
    static final String SECRET = "webhook_Secret-0123456789";
    static final Pattern SAVED = Pattern.compile("✅ Đã lưu: (.*)");

    @TempDir
    Path data;

    FakeBotApi api;
    BotProcess bot;
    String endpoint;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws InterruptedException {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of(
                "telegram.mode", "webhook", "app.public-url", PUBLIC, "telegram.webhook.secret", SECRET,
                "app.reminders.initial-delay", "PT24H"));
        endpoint = "http://127.0.0.1:" + bot.bean(Environment.class).getProperty("local.server.port");
        api.routeWebhook(PUBLIC, List.of(endpoint));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!api.webhookUrl().equals(PUBLIC + "/telegram/webhook")) {
            assertThat(System.nanoTime()).as("webhook registered; calls: %s", api.calls()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        api.close();
    }

    @Test
    void theWebhookIsRegisteredWithTheSecretAndNoLongPollingStarts() {
        List<RecordedCall> set = api.calls("setWebhook");
        assertThat(set).hasSize(1);
        assertThat(set.get(0).isOk()).isTrue();
        assertThat(set.get(0).param("url")).isEqualTo(PUBLIC + "/telegram/webhook");
        assertThat(set.get(0).param("secret_token")).isEqualTo(SECRET);
        assertThat(set.get(0).param("max_connections")).isEqualTo("40");
        assertThat(set.get(0).param("allowed_updates")).contains("message", "edited_message", "callback_query");
        // Long polling would call deleteWebhook when it starts, removing what was just set.
        assertThat(api.calls("deleteWebhook")).isEmpty();
        assertThat(api.calls("getUpdates")).isEmpty();
    }

    @Test
    void aMissingOrForgedSecretIsRefusedWith401AndNothingIsRecordedOrAnswered() throws Exception {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        String update = "{\"update_id\":424242,\"message\":{\"message_id\":1,\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"Lò\"},"
                + "\"chat\":{\"id\":1001,\"type\":\"private\",\"first_name\":\"Lò\"},\"date\":1764547200,\"text\":\"/moi van-hoa-xa-hoi\"}}";
        String sameLength = SECRET.substring(0, SECRET.length() - 1) + "X";
        for (String secret : new String[] {null, "", "wrong", sameLength, SECRET + "0", SECRET.toLowerCase()}) {
            HttpResponse<String> refused = post(update, secret);
            assertThat(refused.statusCode()).as("secret %s", secret).isEqualTo(401);
            assertThat(refused.body()).contains("mã bí mật");
        }
        JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from telegram_update", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from processed_delivery", Long.class)).isZero();
        Thread.sleep(500);
        assertThat(api.calls("sendMessage")).as("nothing answered").isEmpty();
        assertThat(bot.bean(MeterRegistry.class).counter("telegram.webhook.refused").count()).isEqualTo(6);

        // The same post with the right secret is recorded and applied once, however often it is posted.
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from telegram_update where update_id = 424242", Long.class)).isEqualTo(1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.queryForObject("select count(*) from telegram_update where handled_at is not null", Long.class) == 0) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        // The admin had never opened the chat in the stand-in, so Telegram refuses the one reply: tried once, not twice.
        Thread.sleep(500);
        assertThat(api.calls("sendMessage")).hasSize(1);
        assertThat(post("{\"message\":{}}", SECRET).statusCode()).isEqualTo(400);
        assertThat(admin.messages()).isEmpty();
    }

    @Test
    void aMemberAnswersThroughWebhookPostsAndEveryReplyArrivesOnce() throws Exception {
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        Flow flow = report.flow("van-hoa-xa-hoi").orElseThrow();
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser member = Office.join(api, admin, "van-hoa-xa-hoi", 2001, "Lường Thị Hoa");
        FlowDriver driver = new FlowDriver(member, flow, FlowDriver.fromTable(SeedReport.tableValues(report)));
        SentMessage current = driver.nextQuestionOrReview();
        Map<Question, String> confirmed = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            Question question = driver.questionIn(current);
            current = driver.answer(current);
            Matcher saved = SAVED.matcher(current.text());
            assertThat(saved.find()).as("confirmation of %s in «%s»", question.id(), current.text()).isTrue();
            confirmed.put(question, saved.group(1).trim());
        }

        // Telegram posts an update again (its 200 was lost on the way): answered 200, applied once, no second reply.
        int seen = member.messages().size();
        long last = member.messages().size() > 0 ? lastUpdateOf(member) : -1;
        api.redeliver(last);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (api.webhookPosts().stream().filter(p -> p.updateId() == last && p.delivered()).count() < 2) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        member.expectNoMessage(Duration.ofSeconds(1));
        assertThat(member.messages()).hasSize(seen);
        List<String> texts = member.messages().stream().map(SentMessage::text).toList();
        assertThat(texts).as("no reply twice").doesNotHaveDuplicates();

        // What was confirmed is what is stored.
        member.sends("/xem");
        StringBuilder review = new StringBuilder(member.awaitText("📋", WAIT).text());
        for (Map.Entry<Question, String> answer : confirmed.entrySet()) {
            int position = flow.indexOf(answer.getKey().id()) + 1;
            Matcher line = Pattern.compile("(?m)^" + position + "\\. .*: (.*)$").matcher(review);
            assertThat(line.find()).as("review line %d in:\n%s", position, review).isTrue();
            assertThat(line.group(1).trim()).isEqualTo(answer.getValue());
        }

        MeterRegistry meters = bot.bean(MeterRegistry.class);
        long posted = api.webhookPosts().stream().filter(WebhookPost::delivered).map(WebhookPost::updateId).distinct().count();
        assertThat(meters.counter("telegram.updates.handled", "mode", "webhook").count()).isGreaterThanOrEqualTo(posted - 1);
        assertThat(meters.find("telegram.updates.failed").counters()).allMatch(c -> c.count() == 0);
        assertThat(meters.find("telegram.updates.handled").tag("mode", "polling").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void anUpdateAsLargeAsTelegramMakesThemFitsTheBodyLimit() throws Exception {
        // 4096 characters (Telegram's longest message) escaped as \\uXXXX, quoted again in the message replied to.
        String text = "\\u1ec7".repeat(4096);
        String message = "{\"message_id\":%d,\"from\":{\"id\":2002,\"is_bot\":false,\"first_name\":\"Hoa\"},"
                + "\"chat\":{\"id\":2002,\"type\":\"private\",\"first_name\":\"Hoa\"},\"date\":1764547200,\"text\":\"" + text + "\"%s}";
        String update = "{\"update_id\":525252,\"message\":" + String.format(message, 2, ",\"reply_to_message\":" + String.format(message, 1, "")) + "}";
        assertThat(update.length()).isGreaterThan(49_000);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
        assertThat(bot.bean(JdbcTemplate.class).queryForObject("select count(*) from telegram_update where update_id = 525252", Long.class))
                .isEqualTo(1);
    }

    private long lastUpdateOf(FakeUser member) {
        List<WebhookPost> posts = new ArrayList<>(api.webhookPosts());
        return posts.get(posts.size() - 1).updateId();
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
