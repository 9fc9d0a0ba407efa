package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.telegram.BotApiGate;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.TestDatabase;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.RecordedCall;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * The bot runs as a separate process and is killed with SIGKILL, as a power cut or the OOM killer would: no
 * shutdown hook, no flush. Whatever the bot had confirmed to the person ("✅ Đã lưu", "Đã lưu bản nháp") must be
 * there when a new process starts on the same database, and the person resumes at the very same question.
 */
@LongRunning
class CrashRestartTest {

    static final long ADMIN = 1001;
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration STARTUP = Duration.ofSeconds(120);
    static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");
    static final Pattern SAVED = Pattern.compile("✅ Đã lưu: (.*)");
    static final Pattern DRAFT = Pattern.compile("Đã lưu bản nháp \\((\\d+) ký tự\\)");

    @TempDir
    Path data;

    FakeBotApi api;
    Process bot;
    int started;
    final List<Path> logs = new ArrayList<>();

    @BeforeEach
    void startApi() {
        api = FakeBotApi.start(BotProcess.TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null && bot.isAlive()) {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        api.close();
    }

    /** Starts the application in a child JVM and waits until it polls the stand-in. */
    private Process launch() throws IOException {
        return launch(api.baseUrl());
    }

    /** Starts the application in a child JVM calling the Bot API at {@code apiUrl}, with these extra arguments. */
    private Process launch(String apiUrl, String... extra) throws IOException {
        Instant launchedAt = Instant.now();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath,
                CommuneReportApplication.class.getName(),
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + apiUrl,
                "--app.office-admin-ids=" + ADMIN,
                "--telegram.poll-timeout-seconds=2",
                "--server.port=0",
                "--telegram.chat-messages-per-second=1000",
                "--telegram.chat-burst=1000"));
        TestDatabase.settingsFor(data).forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(List.of(extra));
        Path log = data.resolve("bot-" + (++started) + ".log");
        logs.add(log);
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        bot = process;
        awaitPollingSince(launchedAt, process);
        return process;
    }

    /** The first getUpdates the new process makes (an old process's held long poll may still be recorded). */
    private void awaitPollingSince(Instant since, Process process) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            boolean polling = api.calls("getUpdates").stream().map(RecordedCall::receivedAt).anyMatch(at -> !at.isBefore(since));
            if (polling) {
                return;
            }
            assertThat(process.isAlive()).as("bot process alive; its output:\n%s", tail()).isTrue();
            assertThat(System.nanoTime()).as("bot polling within %s; its output:\n%s", STARTUP, tail()).isLessThan(deadline);
            sleep(100);
        }
    }

    /** SIGKILL: the process gets no chance to flush or close anything. */
    private void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    }

    private String tail() {
        if (logs.isEmpty()) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(logs.get(logs.size() - 1), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Test
    void whatTheBotConfirmedSurvivesAKillAndThePersonResumesAtTheSameQuestion() throws Exception {
        Process first = launch();
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        Flow flow = report.flow("van-hoa-xa-hoi").orElseThrow();

        FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
        admin.sends("/moi van-hoa-xa-hoi");
        Matcher code = INVITE.matcher(admin.awaitText("Mã mời", WAIT).text());
        assertThat(code.find()).isTrue();
        FakeUser member = api.user(2001, "Lường Thị Hoa");
        member.sends(code.group(1));
        member.awaitText("Bạn đã tham gia", WAIT);
        FlowDriver driver = new FlowDriver(member, flow, FlowDriver.fromTable(SeedReport.tableValues(report)));

        // Five answers, each confirmed; the process is killed right after the fifth confirmation.
        Map<Question, String> confirmed = new LinkedHashMap<>();
        SentMessage current = driver.nextQuestionOrReview();
        for (int i = 0; i < 5; i++) {
            Question question = driver.questionIn(current);
            current = driver.answer(current);
            Matcher saved = SAVED.matcher(current.text());
            assertThat(saved.find()).as("confirmation of %s in «%s»", question.id(), current.text()).isTrue();
            confirmed.put(question, saved.group(1).trim());
        }
        Question atKill = driver.questionIn(current);
        assertThat(flow.indexOf(atKill.id())).isEqualTo(5);
        kill(first);

        Process second = launch();
        member.sends("/start");
        SentMessage resumed = member.awaitText("Tiếp tục từ câu đang dở", WAIT);
        assertThat(resumed.text()).contains("Câu 6/" + flow.size());
        assertThat(driver.questionIn(resumed)).isEqualTo(atKill);
        assertReviewLists(member, flow, confirmed);

        // On to the first narrative section; two parts of it are sent, both acknowledged, no «Xong» yet.
        member.sends("/start");
        current = member.awaitText("Câu 6/" + flow.size(), WAIT);
        while (driver.questionIn(current).type() != QuestionType.NARRATIVE) {
            Question question = driver.questionIn(current);
            current = driver.answer(current);
            Matcher saved = SAVED.matcher(current.text());
            assertThat(saved.find()).as("confirmation of %s in «%s»", question.id(), current.text()).isTrue();
            confirmed.put(question, saved.group(1).trim());
        }
        Question narrative = driver.questionIn(current);
        member.sends("Phần một: UBND xã ban hành kế hoạch CCHC năm 2026 và triển khai đúng tiến độ.");
        Matcher firstPart = DRAFT.matcher(member.awaitText("Đã lưu bản nháp", WAIT).text());
        assertThat(firstPart.find()).isTrue();
        member.sends("Phần hai: công tác kiểm tra, tuyên truyền CCHC được duy trì thường xuyên.");
        Matcher draft = DRAFT.matcher(member.awaitText("Đã lưu bản nháp", WAIT).text());
        assertThat(draft.find()).isTrue();
        int draftLength = Integer.parseInt(draft.group(1));
        assertThat(draftLength).as("the draft holds both parts").isGreaterThan(Integer.parseInt(firstPart.group(1)) + 40);
        kill(second);

        launch();
        member.sends("/start");
        SentMessage afterDraftKill = member.awaitText("Tiếp tục từ câu đang dở", WAIT);
        assertThat(driver.questionIn(afterDraftKill)).isEqualTo(narrative);
        assertThat(afterDraftKill.text()).contains("Bản nháp đang có: " + draftLength + " ký tự");
        assertThat(afterDraftKill.buttonData()).contains("d|" + narrative.id());
        member.presses("d|" + narrative.id());
        assertThat(member.awaitText("✅ Đã lưu", WAIT).text()).contains("Phần một").contains(String.valueOf(draftLength));
        assertReviewLists(member, flow, confirmed);
    }

    /**
     * The bot is killed after an answer is stored and before its reply reaches Telegram (the reply is still on its
     * way, held at a gate in front of the stand-in, and never arrives). Telegram delivers the answer again to the
     * next process, which recognises it as handled; the reply comes out of the outbox, once. The same again for the
     * last part of the report: the member is told it is handed in and the office that all parts are in. The first
     * restart is the same instance started again (it frees what its dead run held at once); the second is another
     * instance (another server), which waits for the dead one's leases to run out.
     */
    @Test
    void aReplyStoredButNotSentWhenTheBotIsKilledArrivesOnceAfterTheRestart() throws Exception {
        String lastDepartment = handInAllButOne();
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        Flow flow = report.flow(lastDepartment).orElseThrow();
        Function<Question, String> answers = FlowDriver.fromTable(SeedReport.tableValues(report));
        String[] quick = {"--app.outbox.lease=PT3S", "--app.reminders.initial-delay=PT24H"};
        try (BotApiGate gate = BotApiGate.in(api.baseUrl())) {
            Process first = launch(gate.baseUrl(), quick);
            FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
            admin.sends("/moi " + lastDepartment);
            Matcher code = INVITE.matcher(admin.awaitText("Mã mời", WAIT).text());
            assertThat(code.find()).isTrue();
            FakeUser member = api.user(2001, "Lường Thị Hoa");
            member.sends(code.group(1));
            member.awaitText("Bạn đã tham gia", WAIT);
            FlowDriver driver = new FlowDriver(member, flow, answers);
            SentMessage question = driver.nextQuestionOrReview();
            Question asked = driver.questionIn(question);
            assertThat(asked.type()).as("the first question asks for a figure").isNotIn(QuestionType.NARRATIVE, QuestionType.YESNO);

            // The answer is stored; its reply is on its way when the process dies.
            gate.hold("sendMessage");
            long answer = member.sends(answers.apply(asked));
            String reply = single(gate.awaitHeld(WAIT)).text();
            assertThat(reply).contains("✅ Đã lưu");
            int seen = member.messages().size();
            kill(first);
            gate.discardHeld();
            assertThat(api.highestConfirmedOffset()).as("the answer was not confirmed to Telegram").isLessThanOrEqualTo(answer);

            Process second = launch(gate.baseUrl(), quick);
            SentMessage late = member.awaitText("✅ Đã lưu", WAIT);
            assertThat(late.text()).isEqualTo(reply);
            api.awaitConfirmed(answer, WAIT);
            member.expectNoMessage(Duration.ofSeconds(2));
            assertThat(member.messages().subList(seen, member.messages().size())).as("the reply, once, and nothing else")
                    .extracting(SentMessage::text).containsExactly(reply);

            // On to the end of the flow; the part is handed in and the process dies before anyone is told.
            SentMessage review = driver.answerUntilReview(late, Integer.MAX_VALUE);
            if (!review.buttonData().contains("sub")) {
                member.awaitMessage(m -> m.buttonData().contains("sub"), WAIT);
            }
            member.presses("sub");
            member.awaitText("Xác nhận nộp", WAIT);
            String confirm = member.lastMessage().buttonData().stream().filter(d -> d.startsWith("subok|")).findFirst().orElseThrow();
            int memberSeen = member.messages().size();
            int adminSeen = admin.messages().size();
            gate.hold("sendMessage");
            long handIn = member.presses(confirm);
            assertThat(single(gate.awaitHeld(WAIT)).text()).contains("Đã nộp phần");
            kill(second);
            gate.discardHeld();
            assertThat(member.messages()).hasSize(memberSeen);
            assertThat(admin.messages()).hasSize(adminSeen);

            Instant restarted = Instant.now();
            launch(gate.baseUrl(), "--app.outbox.lease=PT3S", "--app.reminders.initial-delay=PT24H", "--app.instance-id=another-server");
            SentMessage handedIn = member.awaitText("Đã nộp phần", WAIT);
            SentMessage allIn = admin.awaitText("Đã nhận đủ tất cả các phần", WAIT);
            assertThat(allIn.buttonData()).anyMatch(d -> d.startsWith("draft|"));
            api.awaitConfirmed(handIn, WAIT);
            admin.expectNoMessage(Duration.ofSeconds(2));
            assertThat(member.messages().subList(memberSeen, member.messages().size())).containsExactly(handedIn);
            assertThat(admin.messages().subList(adminSeen, admin.messages().size())).containsExactly(allIn);

            // The office's button works on the restarted bot.
            admin.presses(allIn.buttonData().stream().filter(d -> d.startsWith("draft|")).findFirst().orElseThrow());
            assertThat(admin.awaitDocument(WAIT).fileName()).endsWith(".docx");
        }
    }

    /**
     * Every department but the one with the fewest questions has handed its part in, stored by the application
     * started in this JVM on the same database (then stopped); returns the one left.
     */
    private String handInAllButOne() {
        try (BotProcess setup = BotProcess.start(api.baseUrl(), data, String.valueOf(ADMIN), Map.of("telegram.enabled", "false",
                "app.reminders.initial-delay", "PT24H"))) {
            ReportScope context = setup.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
            ReportingPeriod period = setup.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
            List<String> all = context.flows().stream().map(Flow::departmentCode).toList();
            String last = context.flows().stream().min(Comparator.comparingInt(Flow::size)).orElseThrow().departmentCode();
            for (String department : all) {
                if (!department.equals(last)) {
                    assertThat(setup.bean(CollectionService.class).submit(period, department, 2000, all).submitted()).isTrue();
                }
            }
            return last;
        }
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** /xem shows every confirmed answer with the value the confirmation showed. */
    private void assertReviewLists(FakeUser member, Flow flow, Map<Question, String> confirmed) {
        member.sends("/xem");
        StringBuilder review = new StringBuilder();
        SentMessage part = member.awaitText("📋", WAIT);
        review.append(part.text());
        while (part.buttonData().isEmpty()) {
            part = member.awaitNext(WAIT);
            review.append('\n').append(part.text());
        }
        assertThat(review).as("review after a kill").contains("Đã trả lời ");
        for (Map.Entry<Question, String> answer : confirmed.entrySet()) {
            int position = flow.indexOf(answer.getKey().id()) + 1;
            Matcher line = Pattern.compile("(?m)^" + position + "\\. .*: (.*)$").matcher(review);
            assertThat(line.find()).as("review line %d in:\n%s", position, review).isTrue();
            assertThat(line.group(1).trim()).as("stored answer to %s (confirmed as «%s»)", answer.getKey().id(), answer.getValue())
                    .isEqualTo(answer.getValue());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
