package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Definitions;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.testsupport.BotInstance;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.GeneratedCommunes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.TestDatabase;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;
import vn.communereport.testsupport.botapi.WebhookPost;

/**
 * Two instances of the real application, each in a JVM of its own, on one PostgreSQL database, behind one webhook
 * address: the Bot API stand-in posts updates to them in turn, as a load balancer would. Members answer their whole
 * parts at the same time; midway, one instance is killed with SIGKILL while it holds updates it has answered 200 to
 * (their replies held at a gate in front of the stand-in, so they never reached Telegram), and the members go on with
 * the other. Nothing confirmed is lost, no reply is sent twice, and each member's updates are applied in order.
 * PostgreSQL only (-Dtest.postgresql.url=...; .ci/run passes it): H2's file database is one process's.
 */
@LongRunning
class WebhookInstancesTest {

    static final String PUBLIC = "https://bot.example.vn";
    static final String SECRET = "several_Instances-one-webhook-0123";
    static final Duration STARTUP = Duration.ofSeconds(180);
    static final Duration WAIT = Duration.ofSeconds(40);
    static final Pattern SAVED = Pattern.compile("✅ Đã lưu: (.*)");
    /** How many members answer side by side. */
    static final int MEMBERS = 3;

    @TempDir
    Path data;

    FakeBotApi api;
    BotApiGate gate;
    BotInstance first;
    BotInstance second;

    /** One member's part: a department of a commune (every commune of conversations/ in turn, then round again). */
    static final long MAU_THU_ADMIN = 9001;
    static final long GENERATED_ADMINS = 9100;

    record Part(String commune, String department, Flow flow, long memberId) {
    }

    @AfterEach
    void stop() throws Exception {
        for (BotInstance instance : new BotInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (gate != null) {
            gate.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void twoInstancesBehindOneWebhookLoseNothingWhenOneIsKilledMidway() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "several instances need a shared database: run with -Dtest.postgresql.url=...");
        // Three communes: Bình Lư (its office administrator from OFFICE_ADMIN_IDS), the fictional Mẫu Thử and one more,
        // each administered by its own office administrator named in its file.
        Path conversations = GeneratedCommunes.copyOfShipped(data.resolve("conversations"),
                Map.of("communes/mau-thu.yaml", Map.of("office_admins: []", "office_admins: [" + MAU_THU_ADMIN + "]")));
        GeneratedCommunes.add(conversations, 1, GENERATED_ADMINS);
        Definitions definitions = DefinitionFiles.load(conversations);
        ReportDefinition report = definitions.report("cchc").orElseThrow();
        Function<Question, String> answers = FlowDriver.fromTable(SeedReport.tableValues(report));
        List<Part> parts = parts(definitions, report);

        api = FakeBotApi.start(BotProcess.TOKEN);
        gate = BotApiGate.in(api.baseUrl());
        List<String> settings = List.of("--telegram.mode=webhook", "--app.public-url=" + PUBLIC, "--telegram.webhook.secret=" + SECRET,
                "--telegram.webhook.lease=PT3S", "--telegram.webhook.poll-interval=PT0.2S", "--app.outbox.lease=PT3S",
                "--app.reminders.initial-delay=PT24H", "--app.conversations-dir=" + conversations.toAbsolutePath());
        // Both start at once: they race for the registration and for Flyway's migrations of the one database.
        first = BotInstance.launch(data, "instance-a", gate.baseUrl(), String.valueOf(Office.ADMIN), settings);
        second = BotInstance.launch(data, "instance-b", api.baseUrl(), String.valueOf(Office.ADMIN), settings);
        api.routeWebhook(PUBLIC, List.of(first.url(), second.url()));
        first.awaitLog("updates come by webhook", STARTUP);
        second.awaitLog("updates come by webhook", STARTUP);
        assertThat(api.calls("setWebhook")).as("one instance registers the webhook").hasSize(1);
        assertThat(api.calls("getUpdates")).isEmpty();

        Map<String, FakeUser> offices = Map.of("binh-lu", api.user(Office.ADMIN, "Lò Văn Phòng"),
                "mau-thu", api.user(MAU_THU_ADMIN, "Văn phòng Mẫu Thử"), "xa-01", api.user(GENERATED_ADMINS + 1, "Văn phòng Thử Nghiệm"));
        assertThat(parts.stream().map(Part::commune).distinct()).containsExactlyInAnyOrderElementsOf(offices.keySet());
        Map<Part, FakeUser> members = new LinkedHashMap<>();
        for (Part part : parts) {
            FakeUser office = offices.get(part.commune());
            members.put(part, Office.join(api, office, part.department(), part.memberId(), "Thành viên " + part.memberId()));
        }

        // Everyone answers; once a few answers are in, the first instance's replies are held at the gate, and as soon
        // as it holds one (an update it answered 200 to and handled, its reply not yet at Telegram) it is killed.
        AtomicInteger confirmations = new AtomicInteger();
        long answeringSince = System.nanoTime();
        ExecutorService people = Executors.newFixedThreadPool(parts.size());
        List<Future<Map<Question, String>>> answered = new ArrayList<>();
        for (Part part : parts) {
            FakeUser member = members.get(part);
            answered.add(people.submit(() -> answerWholePart(member, part.flow(), answers, confirmations)));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (confirmations.get() < 2 * parts.size()) {
            assertThat(System.nanoTime()).as("answers confirmed before the kill").isLessThan(deadline);
            Thread.sleep(20);
        }
        gate.hold("sendMessage");
        List<BotApiGate.Held> held = gate.awaitHeld(WAIT);
        Thread.sleep(200); // sent marks of what went out just before are written within milliseconds
        int postsBeforeKill = api.webhookPosts().size();
        first.kill();
        long killedAt = System.nanoTime();
        gate.discardHeld();
        assertThat(held).isNotEmpty();

        for (Future<Map<Question, String>> part : answered) {
            part.get(5, TimeUnit.MINUTES);
        }
        people.shutdown();
        long answeringNanos = System.nanoTime() - answeringSince;

        // Every part was handed in with every confirmed answer, as each member's own review showed before submitting
        // (see answerWholePart). Telegram got each reply once: what the stand-in shows in a chat is, one for one, what
        // the outbox marked as sent there.
        try (Connection db = database()) {
            for (Map.Entry<Part, FakeUser> member : members.entrySet()) {
                List<SentMessage> shown = member.getValue().messages();
                assertThat(shown.stream().map(m -> m.chatId() + ":" + m.messageId()).distinct().count()).isEqualTo(shown.size());
                assertThat(count(db, "select count(*) from outbox_message where sent_ref like ?", member.getKey().memberId() + ":%"))
                        .as("messages the outbox sent to member %d", member.getKey().memberId()).isEqualTo(shown.size());
            }
            // Each chat's updates were applied in update_id order, all of them, none failed.
            assertThat(count(db, "select count(*) from telegram_update where handled_at is null", null)).isZero();
            assertThat(count(db, "select count(*) from telegram_update where outcome <> 'HANDLED'", null)).isZero();
            try (PreparedStatement order = db.prepareStatement("select chat_key, update_id, handled_at from telegram_update order by chat_key, update_id");
                 ResultSet rows = order.executeQuery()) {
                String chat = null;
                java.sql.Timestamp previous = null;
                while (rows.next()) {
                    java.sql.Timestamp at = rows.getTimestamp(3);
                    if (rows.getString(1).equals(chat)) {
                        assertThat(at).as("update %d of chat %s handled after the one before", rows.getLong(2), chat)
                                .isAfterOrEqualTo(previous);
                    }
                    chat = rows.getString(1);
                    previous = at;
                }
            }
        }
        // The replies the killed instance held came from the other one, once each.
        for (BotApiGate.Held reply : held) {
            List<SentMessage> chat = api.messagesIn(Long.parseLong(reply.chatId()));
            assertThat(chat).as("held reply «%s»", reply.text()).filteredOn(m -> m.text().equals(reply.text())).hasSize(1);
        }
        long takenOver = held.stream().flatMap(reply -> api.messagesIn(Long.parseLong(reply.chatId())).stream()
                .filter(m -> m.text().equals(reply.text()))).mapToLong(m -> m.arrivedNanos() - killedAt).max().orElse(0);
        System.out.printf("Webhook, 2 instances on PostgreSQL: %d answers confirmed by %d members in %.1f s (%.1f answers/s, "
                        + "the kill and the leases included); the killed instance's held replies arrived %.1f s after the kill; %d posts%n",
                confirmations.get(), parts.size(), answeringNanos / 1e9, confirmations.get() / (answeringNanos / 1e9), takenOver / 1e9,
                api.webhookPosts().size());
        // Both instances took posts; after the kill, posts to the dead one failed and went to the other.
        List<WebhookPost> posts = api.webhookPosts();
        assertThat(posts.subList(0, postsBeforeKill)).filteredOn(WebhookPost::delivered).extracting(WebhookPost::target)
                .anyMatch(t -> t.startsWith(first.url())).anyMatch(t -> t.startsWith(second.url()));
        assertThat(posts.subList(postsBeforeKill, posts.size())).filteredOn(p -> p.target().startsWith(first.url()))
                .isNotEmpty().noneMatch(WebhookPost::delivered);
        assertThat(api.calls("setWebhook")).hasSize(1);
    }

    /**
     * Answers a member's whole part, checks that the review lists every confirmed answer as confirmed, and hands the
     * part in; returns the confirmed answers.
     */
    private static Map<Question, String> answerWholePart(FakeUser member, Flow flow, Function<Question, String> answers,
                                                         AtomicInteger confirmations) {
        FlowDriver driver = new FlowDriver(member, flow, answers);
        Map<Question, String> confirmed = new LinkedHashMap<>();
        SentMessage current = driver.nextQuestionOrReview();
        while (driver.questionIn(current) != null) {
            Question question = driver.questionIn(current);
            current = driver.answer(current);
            Matcher saved = SAVED.matcher(current.text());
            if (saved.find()) {
                confirmed.put(question, saved.group(1).trim());
                confirmations.incrementAndGet();
            }
        }
        member.sends("/xem");
        StringBuilder review = new StringBuilder();
        SentMessage page = member.awaitText("📋", WAIT);
        review.append(page.text());
        while (page.buttonData().isEmpty()) {
            page = member.awaitNext(WAIT);
            review.append('\n').append(page.text());
        }
        for (Map.Entry<Question, String> answer : confirmed.entrySet()) {
            int position = flow.indexOf(answer.getKey().id()) + 1;
            Matcher line = Pattern.compile("(?m)^" + position + "\\. .*$").matcher(review);
            assertThat(line.find()).as("review line %d in:\n%s", position, review).isTrue();
            assertThat(line.group().trim()).as("stored answer to %s", answer.getKey().id()).endsWith(": " + answer.getValue());
        }
        Office.submit(member);
        return confirmed;
    }

    /**
     * The parts to answer: the smallest departments' flows, taken from every commune in turn; each commune's office
     * administrator invites its members.
     */
    private static List<Part> parts(Definitions definitions, ReportDefinition report) {
        List<Part> parts = new ArrayList<>();
        List<String> communes = new ArrayList<>(definitions.communes().keySet());
        long memberId = 3001;
        for (int round = 0; parts.size() < MEMBERS && round < 10; round++) {
            for (String commune : communes) {
                List<Flow> flows = definitions.commune(commune).orElseThrow().departments().stream()
                        .map(d -> report.flow(d.code())).flatMap(java.util.Optional::stream)
                        .sorted(Comparator.comparingInt(Flow::size)).toList();
                if (round < flows.size() && parts.size() < MEMBERS) {
                    Flow flow = flows.get(round);
                    parts.add(new Part(commune, flow.departmentCode(), flow, memberId++));
                }
            }
        }
        return parts;
    }

    private Connection database() throws SQLException {
        Map<String, String> settings = TestDatabase.settingsFor(data);
        return DriverManager.getConnection(settings.get("spring.datasource.url"), settings.get("spring.datasource.username"),
                settings.get("spring.datasource.password"));
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
