package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Per-answer cost end to end: the real bot ({@code java -jar target/*.jar}) and a bare TelegramBots echo bot, each
 * in its own JVM with the same options, each on its own Bot API stand-in in this JVM, driven by the same simulated
 * members. Rounds alternate echo / real; every round of the real bot starts on a fresh open period (the previous one
 * is closed), as each half-year would. The same run then reads the real bot's resident memory once it has handled
 * 10,000 updates, and checks its log for errors.
 */
final class EndToEndBench {

    static final long ADMIN = 1001;
    static final long FIRST_MEMBER = 20_000;

    /** Settings of one run. */
    record Settings(long history, int copies, int warmupRounds, int rounds, int humanRounds, Duration humanDuration,
                    long thinkMinMillis, long thinkMaxMillis, long rssAfterUpdates, List<String> jvmArgs, String java,
                    Path profile, String dbOptions, List<String> botArgs) {
    }

    /** Figures of one run, for BENCHMARKS.md and the comparison between histories. */
    record Figures(long history, List<Load.Result> echo, List<Load.Result> real, List<Load.Result> echoHuman,
                   List<Load.Result> realHuman, double echoCpuMsPerUpdate, double realCpuMsPerUpdate,
                   double realStartSeconds, long realUpdates, long[] realRssKb, long[] echoRssKb, List<String> realErrors) {
    }

    private final Settings settings;
    private final Path dir;
    private final Path jar;

    EndToEndBench(Settings settings, Path dir, Path jar) {
        this.settings = settings;
        this.dir = dir;
        this.jar = jar;
    }

    Figures run() throws Exception {
        Files.createDirectories(dir);
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        Path conversations = dir.resolve("conversations");
        deleteTree(conversations);
        SyntheticDefinitions.write(Path.of("conversations"), settings.copies(), conversations);
        ReportDefinition report = DefinitionFiles.load(conversations).report("cchc").orElseThrow();
        Map<String, String> seedTable = SeedReport.tableValues(DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow());
        List<Flow> flows = new ArrayList<>(report.flowsByDepartment().values());
        PeriodKey current = PeriodKey.containing(report.frequency(), LocalDate.now(zone));

        Path db = prepareDatabase(report, flows, current);
        String jdbc = "jdbc:h2:file:" + db.toAbsolutePath() + ";AUTO_SERVER=TRUE" + settings.dbOptions();

        System.out.printf(Locale.ROOT, "%n== End to end: %d stored answers, %d departments (%d members), %d questions ==%n",
                settings.history(), flows.size(), flows.size(), flows.stream().mapToInt(Flow::size).sum());
        System.out.printf(Locale.ROOT, "   bots run with %s %s%n", settings.java(), settings.jvmArgs());

        FakeBotApi echoApi = FakeBotApi.start(BotProcess.TOKEN);
        FakeBotApi realApi = FakeBotApi.start(BotProcess.TOKEN);
        List<String> echoCommand = new ArrayList<>(List.of(settings.java()));
        echoCommand.addAll(settings.jvmArgs());
        echoCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoBot.class.getName(), echoApi.baseUrl(), BotProcess.TOKEN));
        List<String> realCommand = new ArrayList<>(List.of(settings.java()));
        realCommand.addAll(settings.jvmArgs());
        realCommand.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + realApi.baseUrl(),
                "--spring.datasource.url=" + jdbc,
                "--app.conversations-dir=" + conversations.toAbsolutePath(),
                "--app.office-admin-ids=" + ADMIN,
                // Pacing lifted: the echo bot has none, and members answer as fast as the bot replies.
                "--telegram.messages-per-second=1000000", "--telegram.burst=1000000",
                "--telegram.chat-messages-per-second=1000000", "--telegram.chat-burst=1000000"));
        realCommand.addAll(settings.botArgs());
        List<Load.Result> echoResults = new ArrayList<>();
        List<Load.Result> realResults = new ArrayList<>();
        List<Load.Result> echoHuman = new ArrayList<>();
        List<Load.Result> realHuman = new ArrayList<>();
        long realUpdates = 0;
        long echoCpu = 0;
        long realCpu = 0;
        long echoMeasured = 0;
        long realMeasured = 0;
        try (Launched echo = Launched.start(echoCommand, Path.of("."), dir.resolve("echo-bot.log"), Map.of());
             Launched real = Launched.start(realCommand, dir, dir.resolve("real-bot.log"), Map.of())) {
            echoApi.awaitPolling(Duration.ofSeconds(60));
            realApi.awaitPolling(Duration.ofSeconds(120));
            double start = Duration.between(real.startedAt, realApi.firstGetUpdatesAt()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "   real bot polling %.2f s after launch (log: %s)%n", start, real.log);
            FakeUser admin = realApi.user(ADMIN, "Lò Văn Phòng").withOpenedChat();
            assert admin != null;

            Load echoLoad = new Load(echoApi);
            Load realLoad = new Load(realApi);
            List<FakeUser> echoMembers = new ArrayList<>(users(echoApi, flows).keySet());
            Map<FakeUser, Flow> realMembers = users(realApi, flows);
            Map<Integer, List<String>> plans = new java.util.concurrent.ConcurrentHashMap<>();
            PeriodKey period = current;
            try (Connection connection = DriverManager.getConnection(jdbc, "sa", "")) {
                connection.setAutoCommit(false);
                int total = settings.warmupRounds() + settings.rounds();
                int retries = 0;
                Machine.awaitQuiet(600);
                for (int r = 0; r < total; ) {
                    boolean measured = r >= settings.warmupRounds();
                    if (r == settings.warmupRounds() && settings.profile() != null && retries == 0) {
                        jcmd(real, "JFR.start", "name=bench", "settings=profile");
                    }
                    String tag = (measured ? "round " + (r - settings.warmupRounds() + 1) : "warm-up " + (r + 1));
                    if (r > 0 || retries > 0) {
                        period = Seeder.nextRound(connection, report.code(), period);
                    }
                    Machine.Window window = new Machine.Window();
                    long cpu2 = real.cpuMillis();
                    Load.Result b = realLoad.run("real   " + tag, Load.real(realMembers, seedTable, plans), Load.Think.none(), null, Duration.ofSeconds(60));
                    long cpu3 = real.cpuMillis();
                    long cpu0 = echo.cpuMillis();
                    Load.Result e = echoLoad.run("echo   " + tag, Load.echo(echoMembers, plans), Load.Think.none(), null, Duration.ofSeconds(60));
                    long cpu1 = echo.cpuMillis();
                    double others = window.otherCores();
                    realUpdates += b.updates();
                    System.out.printf(Locale.ROOT, "   %s  cpu %.3f ms/update%n", b.line(), (cpu3 - cpu2) / (double) b.updates());
                    System.out.printf(Locale.ROOT, "   %s  cpu %.3f ms/update  (other processes %.2f cores)%n", e.line(), (cpu1 - cpu0) / (double) e.updates(), others);
                    if (measured && others > Machine.QUIET_CORES && retries < 5) {
                        System.out.println("   ^ disturbed by other processes: repeated");
                        retries++;
                        Machine.awaitQuiet(600);
                        continue;
                    }
                    retries = 0;
                    if (measured) {
                        echoResults.add(e);
                        realResults.add(b);
                        echoCpu += cpu1 - cpu0;
                        realCpu += cpu3 - cpu2;
                        echoMeasured += e.updates();
                        realMeasured += b.updates();
                    }
                    r++;
                }
                if (settings.profile() != null) {
                    jcmd(real, "JFR.dump", "name=bench", "filename=" + settings.profile().toAbsolutePath());
                    jcmd(real, "JFR.stop", "name=bench");
                    System.out.println("   measured rounds of the real bot recorded in " + settings.profile());
                }
                System.out.printf(Locale.ROOT, "   bot CPU per update (user+system, measured rounds): echo %.3f ms, real %.3f ms%n",
                        echoCpu / (double) echoMeasured, realCpu / (double) realMeasured);
                Load.Think human = new Load.Think(settings.thinkMinMillis(), settings.thinkMaxMillis(), new Random(42));
                for (int r = 0, tries = 0; r < settings.humanRounds(); ) {
                    Machine.awaitQuiet(600);
                    period = Seeder.nextRound(connection, report.code(), period);
                    Machine.Window window = new Machine.Window();
                    Load.Result b = realLoad.run("real   human pace " + (r + 1), Load.real(realMembers, seedTable, plans), human,
                            settings.humanDuration(), Duration.ofSeconds(60));
                    Load.Result e = echoLoad.run("echo   human pace " + (r + 1), Load.echo(echoMembers, plans), human,
                            settings.humanDuration(), Duration.ofSeconds(60));
                    double others = window.otherCores();
                    realUpdates += b.updates();
                    System.out.println("   " + b.line());
                    System.out.printf(Locale.ROOT, "   %s  (other processes %.2f cores)%n", e.line(), others);
                    if (others > Machine.QUIET_CORES && tries++ < 3) {
                        System.out.println("   ^ disturbed by other processes: repeated");
                        continue;
                    }
                    echoHuman.add(e);
                    realHuman.add(b);
                    r++;
                }
                while (realUpdates < settings.rssAfterUpdates()) {
                    period = Seeder.nextRound(connection, report.code(), period);
                    Load.Result b = realLoad.run("real   more", Load.real(realMembers, seedTable, plans), Load.Think.none(), null, Duration.ofSeconds(60));
                    realUpdates += b.updates();
                    System.out.println("   " + b.line());
                }
            }
            echoLoad.close();
            realLoad.close();
            long[] realRss = real.residentKb();
            long[] echoRss = echo.residentKb();
            List<String> errors = real.errors();
            System.out.printf(Locale.ROOT, "   after %d updates: real bot RSS %d MB (peak %d MB), echo bot RSS %d MB; real bot log errors: %d%n",
                    realUpdates, realRss[0] / 1024, realRss[1] / 1024, echoRss[0] / 1024, errors.size());
            errors.stream().limit(10).forEach(line -> System.out.println("     " + line));
            return new Figures(settings.history(), echoResults, realResults, echoHuman, realHuman,
                    echoCpu / (double) echoMeasured, realCpu / (double) realMeasured, start, realUpdates, realRss, echoRss, errors);
        } finally {
            echoApi.close();
            realApi.close();
        }
    }

    /** Runs jcmd of the bots' JDK against the bot process (JFR recording of the measured rounds). */
    private void jcmd(Launched process, String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(settings.java()).resolveSibling("jcmd").toString(), String.valueOf(process.pid())));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("jcmd failed: " + e, e);
        }
    }

    private Map<FakeUser, Flow> users(FakeBotApi api, List<Flow> flows) {
        Map<FakeUser, Flow> users = new LinkedHashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            users.put(api.user(FIRST_MEMBER + i, "Cán bộ " + (i + 1)), flows.get(i));
        }
        return users;
    }

    /** A migrated database with the members and the history; built once per size and copied for each run. */
    private Path prepareDatabase(ReportDefinition report, List<Flow> flows, PeriodKey current) throws Exception {
        Path cache = dir.getParent().resolve("db-cache");
        Files.createDirectories(cache);
        String name = "history-" + settings.history() + "-copies-" + settings.copies() + "-" + current.key();
        Path cached = cache.resolve(name + ".mv.db");
        if (!Files.exists(cached)) {
            Path building = cache.resolve(name + "-building");
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + ".mv.db"));
            long t0 = System.nanoTime();
            try (Seeder seeder = new Seeder(Seeder.fileUrl(building), report.code())) {
                seeder.member(ADMIN, "Lò Văn Phòng", null, true);
                for (int i = 0; i < flows.size(); i++) {
                    seeder.member(FIRST_MEMBER + i, "Cán bộ " + (i + 1), flows.get(i).departmentCode(), false);
                }
                long stored = seeder.history(report, current, settings.history(), 20);
                seeder.openPeriod(current);
                System.out.printf(Locale.ROOT, "   seeded %d answers in %d periods in %.1f s%n", stored, seeder.count("reporting_period"),
                        (System.nanoTime() - t0) / 1e9);
            }
            Files.move(building.resolveSibling(building.getFileName() + ".mv.db"), cached, StandardCopyOption.REPLACE_EXISTING);
        }
        Path dbDir = dir.resolve("db");
        deleteTree(dbDir);
        Files.createDirectories(dbDir);
        Files.copy(cached, dbDir.resolve("baocao.mv.db"));
        return dbDir.resolve("baocao");
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
