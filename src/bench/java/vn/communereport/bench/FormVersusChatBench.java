package vn.communereport.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;

/**
 * A whole department's part, at a person's pace, through the chat and through the web form, side by side in one run
 * against the same real bot ({@code java -jar}, Telegram's pacing as in production: one message a second per chat,
 * bursts of three). The department is Phòng Văn hóa - Xã hội of the seed definition (59 questions), the values the
 * seed report's. Each round (one warm-up, two measured by default) is two parts on fresh periods: one member answers in the chat, then a colleague fills
 * the form (signed in as a Mini App is, with Telegram-signed initData), with the same distribution of thinking time
 * before every step. Measured: the time to finish the part, how long the person waited on the system, each step's
 * latency, the bot's CPU over the part per answer (at this pace mostly the JVM's own background work, JIT and
 * GC: the saturated end-to-end benchmark gives the cost of an answer itself) and what went over the wire.
 */
final class FormVersusChatBench {

    static final String DEPARTMENT = "van-hoa-xa-hoi";
    static final long ADMIN = 1001;
    static final long CHAT_MEMBER = 30_001;
    static final long FORM_MEMBER = 30_002;

    record Settings(int warmupRounds, int rounds, long thinkMinMillis, long thinkMaxMillis, List<String> jvmArgs, String java, Path jar, int quietSeconds) {
    }

    /** One part done through one channel. */
    record Part(String channel, int answers, int steps, double seconds, double waitedSeconds, Stats stepLatency,
                double cpuMsPerAnswer, long bytes, int messagesReceived, List<String> problems) {

        String line() {
            return String.format(Locale.ROOT, "%-5s answers=%d steps=%3d part %.1f s, waited %.2f s, step latency median %.1f ms p99 %.1f ms, "
                            + "bot CPU %.2f ms/answer, %s%s",
                    channel, answers, steps, seconds, waitedSeconds, stepLatency.medianMs(), stepLatency.p99Ms(), cpuMsPerAnswer,
                    bytes > 0 ? String.format(Locale.ROOT, "%.1f KB over HTTP", bytes / 1024.0)
                            : messagesReceived + " bot messages",
                    problems.isEmpty() ? "" : "  PROBLEMS: " + problems);
        }
    }

    private final Settings settings;
    private final Path dir;

    FormVersusChatBench(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    List<Part> run() throws Exception {
        Files.createDirectories(dir);
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        Flow flow = report.flow(DEPARTMENT).orElseThrow();
        Map<String, String> seedTable = SeedReport.tableValues(report);
        PeriodKey period = PeriodKey.containing(report.frequency(), LocalDate.now(zone));
        Path db = dir.resolve("db");
        EndToEndBench.deleteTree(db);
        Files.createDirectories(db);
        String jdbc = Seeder.fileUrl(db.resolve("baocao"));
        try (Seeder seeder = new Seeder(jdbc, report.code())) {
            seeder.member(ADMIN, "Lò Văn Phòng", null, true);
            seeder.member(CHAT_MEMBER, "Cán bộ Văn hóa", DEPARTMENT, false);
            seeder.member(FORM_MEMBER, "Cán bộ Xã hội", DEPARTMENT, false);
            // last period's values, one tap away in the form and shown in the chat
            seeder.history(report, period, report.flowsByDepartment().values().stream().mapToInt(Flow::size).sum(), 1);
            seeder.openPeriod(period);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        System.out.printf(Locale.ROOT, "%n== A department's part at a person's pace: chat vs web form (%s, %d questions; think %d–%d ms) ==%n",
                flow.departmentCode(), flow.size(), settings.thinkMinMillis(), settings.thinkMaxMillis());
        FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
        List<String> command = new ArrayList<>(List.of(settings.java()));
        command.addAll(settings.jvmArgs());
        command.addAll(List.of("-jar", settings.jar().toAbsolutePath().toString(),
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + api.baseUrl(),
                "--spring.datasource.url=" + jdbc + ";AUTO_SERVER=TRUE",
                "--app.conversations-dir=" + Path.of("conversations").toAbsolutePath(),
                "--app.office-admin-ids=" + ADMIN,
                "--server.port=" + port));
        List<Part> parts = new ArrayList<>();
        try (Launched bot = Launched.start(command, dir, dir.resolve("bot.log"), EndToEndBench.BOT_ENVIRONMENT);
             Connection connection = DriverManager.getConnection(jdbc + ";AUTO_SERVER=TRUE", "sa", "")) {
            connection.setAutoCommit(false);
            api.awaitPolling(Duration.ofSeconds(180));
            api.user(ADMIN, "Lò Văn Phòng").withOpenedChat();
            Load load = new Load(api);
            FakeUser chatMember = api.user(CHAT_MEMBER, "Văn hóa");
            // A Mini App is opened from the bot's chat: the bot can write to the form's member (it confirms the submission).
            api.user(FORM_MEMBER, "Hoa").withOpenedChat();
            FormMember formMember = new FormMember("http://127.0.0.1:" + port, FORM_MEMBER, BotProcess.TOKEN);
            Load.Think chatThink = new Load.Think(settings.thinkMinMillis(), settings.thinkMaxMillis(), new Random(42));
            Random formThink = new Random(42);
            Machine.awaitQuiet(settings.quietSeconds());
            for (int r = 0; r < settings.warmupRounds() + settings.rounds(); r++) {
                boolean measured = r >= settings.warmupRounds();
                String tag = measured ? "round " + (r - settings.warmupRounds() + 1) : "warm-up " + (r + 1);
                period = Seeder.nextRound(connection, report.code(), period);
                int received = chatMember.messages().size();
                long cpu0 = bot.cpuMillis();
                Load.Result chat = load.run("chat " + tag, Map.of(chatMember, Load.department(flow, seedTable, new ArrayList<>())),
                        chatThink, null, Duration.ofSeconds(120));
                double cpu = bot.cpuMillis() - cpu0;
                int answers = storedAnswers(connection, period);
                Part chatPart = new Part("chat", answers, chat.updates(), chat.seconds(), chat.actionToAwaited().totalMs() / 1000,
                        chat.actionToAwaited(), cpu / Math.max(1, answers), 0, chatMember.messages().size() - received,
                        withSubmission(connection, period, chat.problems()));
                System.out.printf(Locale.ROOT, "   %s: %s%n", tag, chatPart.line());

                period = Seeder.nextRound(connection, report.code(), period);
                long periodId = openPeriodId(connection);
                cpu0 = bot.cpuMillis();
                FormMember.Result form = formMember.fillPart(periodId, flow, seedTable, settings.thinkMinMillis(), settings.thinkMaxMillis(), formThink);
                cpu = bot.cpuMillis() - cpu0;
                answers = storedAnswers(connection, period);
                Part formPart = new Part("form", answers, form.requests(), form.seconds(), form.waitedSeconds(), new Stats(form.stepNanos()),
                        cpu / Math.max(1, answers), form.bytes(), 0, withSubmission(connection, period, form.problems()));
                System.out.printf(Locale.ROOT, "   %s: %s%n", tag, formPart.line());
                if (measured) {
                    parts.add(chatPart);
                    parts.add(formPart);
                }
            }
            load.close();
            List<String> errors = bot.errors();
            System.out.printf(Locale.ROOT, "   errors in the bot's log: %d%n", errors.size());
            errors.stream().limit(10).forEach(line -> System.out.println("     " + line));
        } finally {
            api.close();
        }
        summary(parts);
        return parts;
    }

    private static void summary(List<Part> parts) {
        System.out.printf(Locale.ROOT, "%n   %-5s %12s %12s %22s %16s %s%n", "", "part (mean)", "waited", "step latency p50/p99", "CPU per answer", "traffic");
        for (String channel : List.of("chat", "form")) {
            List<Part> of = parts.stream().filter(p -> p.channel().equals(channel)).toList();
            if (of.isEmpty()) {
                continue;
            }
            double seconds = of.stream().mapToDouble(Part::seconds).average().orElse(0);
            double waited = of.stream().mapToDouble(Part::waitedSeconds).average().orElse(0);
            double cpu = of.stream().mapToDouble(Part::cpuMsPerAnswer).average().orElse(0);
            double p50 = of.stream().mapToDouble(p -> p.stepLatency().medianMs()).average().orElse(0);
            double p99 = of.stream().mapToDouble(p -> p.stepLatency().p99Ms()).max().orElse(0);
            long bytes = (long) of.stream().mapToLong(Part::bytes).average().orElse(0);
            int messages = (int) of.stream().mapToInt(Part::messagesReceived).average().orElse(0);
            System.out.printf(Locale.ROOT, "   %-5s %10.1f s %10.2f s %11.1f / %6.1f ms %11.2f ms   %s%n", channel, seconds, waited, p50, p99, cpu,
                    bytes > 0 ? String.format(Locale.ROOT, "%.1f KB over HTTP", bytes / 1024.0) : messages + " bot messages");
        }
    }

    private static long openPeriodId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select id from reporting_period where status = 'OPEN' and commune_code = ?")) {
            query.setString(1, Seeder.COMMUNE);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } finally {
            connection.commit();
        }
    }

    /** Answers stored for the department in the open period of {@code key}. */
    private static int storedAnswers(Connection connection, PeriodKey key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from answer a join reporting_period p on p.id = a.period_id "
                + "where p.period_key = ? and p.commune_code = ? and a.department_code = ?")) {
            query.setString(1, key.key());
            query.setString(2, Seeder.COMMUNE);
            query.setString(3, DEPARTMENT);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } finally {
            connection.commit();
        }
    }

    /** The problems of a part, with one more when the department's part did not end up submitted. */
    private static List<String> withSubmission(Connection connection, PeriodKey key, List<String> problems) throws SQLException {
        List<String> all = new ArrayList<>(problems);
        try (PreparedStatement query = connection.prepareStatement("select s.status from submission s join reporting_period p on p.id = s.period_id "
                + "where p.period_key = ? and p.commune_code = ? and s.department_code = ?")) {
            query.setString(1, key.key());
            query.setString(2, Seeder.COMMUNE);
            query.setString(3, DEPARTMENT);
            try (ResultSet rows = query.executeQuery()) {
                String status = rows.next() ? rows.getString(1) : "none";
                if (!"SUBMITTED".equals(status)) {
                    all.add("part not submitted (" + status + ")");
                }
            }
        } finally {
            connection.commit();
        }
        return all;
    }
}
