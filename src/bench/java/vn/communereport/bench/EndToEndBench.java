package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

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
 * members. In every round the real bot goes first (its members' updates are recorded) and the echo bot is then sent
 * exactly the same updates. Every round of the real bot starts on a fresh open period (the previous one is closed),
 * as each half-year would. Variants of the real bot (another jar, other options) can run alongside, round by round,
 * for a paired comparison. The same run reads the real bot's resident memory once it has handled 10,000 updates, and
 * checks its log for errors.
 */
final class EndToEndBench {

    static final long ADMIN = 1001;
    static final long FIRST_MEMBER = 20_000;
    /** As bin/start runs the bot; the echo bot gets the same. */
    static final Map<String, String> BOT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Settings of one run. */
    record Settings(long history, int copies, int warmupRounds, int rounds, int humanRounds, Duration humanDuration,
                    long thinkMinMillis, long thinkMaxMillis, long rssAfterUpdates, List<String> jvmArgs, String java,
                    Path profile, List<Variant> variants) {
    }

    /**
     * A real bot to run: its jar, options for its JDBC URL, extra application arguments, JVM options (ENV:K=V sets an
     * environment variable) and the answers stored before it starts (-1: the run's).
     */
    record Variant(String name, Path jar, String dbOptions, List<String> botArgs, List<String> jvmArgs, long history) {
    }

    /** What one real bot did in the measured rounds. */
    record BotFigures(String name, long history, List<Load.Result> rounds, List<Load.Result> human, double cpuMsPerUpdate,
                      double startSeconds, long updates, long[] rssKb, List<String> errors) {
    }

    /** Figures of one run, for BENCHMARKS.md and the comparison between histories. */
    record Figures(long history, List<Load.Result> echo, List<Load.Result> echoHuman, double echoCpuMsPerUpdate,
                   long[] echoRssKb, List<BotFigures> real) {
    }

    private final Settings settings;
    private final Path dir;

    EndToEndBench(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
    }

    /** One real bot: its stand-in, process, database connection, members and measurements. */
    private final class RealBot implements AutoCloseable {
        final Variant variant;
        final FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
        final Launched process;
        final Connection connection;
        final Load load;
        final Map<FakeUser, Flow> members;
        final List<Load.Result> rounds = new ArrayList<>();
        final List<Load.Result> human = new ArrayList<>();
        final double startSeconds;
        PeriodKey period;
        long cpuMillis;
        long measuredUpdates;
        long updates;

        RealBot(Variant variant, Path template, Path conversations, List<Flow> flows, PeriodKey current) throws Exception {
            this.variant = variant;
            this.period = current;
            Path db = dir.resolve("db-" + variant.name());
            deleteTree(db);
            Files.createDirectories(db);
            Files.copy(template, db.resolve("baocao.mv.db"));
            String jdbc = "jdbc:h2:file:" + db.resolve("baocao").toAbsolutePath() + ";AUTO_SERVER=TRUE" + variant.dbOptions();
            List<String> command = new ArrayList<>(List.of(settings.java()));
            command.addAll(settings.jvmArgs());
            Map<String, String> environment = new LinkedHashMap<>(BOT_ENVIRONMENT);
            for (String option : variant.jvmArgs()) {
                if (option.startsWith("ENV:")) { // e.g. ENV:MALLOC_ARENA_MAX=2
                    String[] kv = option.substring(4).split("=", 2);
                    environment.put(kv[0], kv[1]);
                } else {
                    command.add(option);
                }
            }
            command.addAll(List.of("-jar", variant.jar().toAbsolutePath().toString(),
                    "--telegram.bot-token=" + BotProcess.TOKEN,
                    "--telegram.api-url=" + api.baseUrl(),
                    "--spring.datasource.url=" + jdbc,
                    "--app.conversations-dir=" + conversations.toAbsolutePath(),
                    "--app.office-admin-ids=" + ADMIN,
                    "--server.port=0",
                    // Pacing lifted: the echo bot has none, and members answer as fast as the bot replies.
                    "--telegram.messages-per-second=1000000", "--telegram.burst=1000000",
                    "--telegram.chat-messages-per-second=1000000", "--telegram.chat-burst=1000000"));
            command.addAll(variant.botArgs());
            process = Launched.start(command, dir, dir.resolve(variant.name() + "-bot.log"), environment);
            api.awaitPolling(Duration.ofSeconds(180));
            startSeconds = Duration.between(process.startedAt, api.firstGetUpdatesAt()).toMillis() / 1000.0;
            api.user(ADMIN, "Lò Văn Phòng").withOpenedChat();
            connection = DriverManager.getConnection(jdbc, "sa", "");
            connection.setAutoCommit(false);
            load = new Load(api);
            members = users(api, flows);
        }

        Load.Result round(String tag, Map<String, String> seedTable, Map<Integer, List<String>> plans, Load.Think think,
                          Duration duration, boolean fresh) throws SQLException {
            if (fresh) {
                period = Seeder.nextRound(connection, "cchc", period);
            }
            long cpu0 = process.cpuMillis();
            Load.Result result = load.run(String.format("%-6s %s", variant.name(), tag), Load.real(members, seedTable, plans), think,
                    duration, Duration.ofSeconds(60));
            long cpu = process.cpuMillis() - cpu0;
            updates += result.updates();
            System.out.printf(Locale.ROOT, "   %s  cpu %.3f ms/update%n", result.line(), cpu / (double) result.updates());
            lastCpu = cpu;
            return result;
        }

        long lastCpu;

        @Override
        public void close() {
            load.close();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the bot is going away
            }
            process.close();
            api.close();
        }
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

        System.out.printf(Locale.ROOT, "%n== End to end: %d departments (one member each), %d questions ==%n",
                flows.size(), flows.stream().mapToInt(Flow::size).sum());
        System.out.printf(Locale.ROOT, "   bots run with %s %s; real bot variants: %s%n", settings.java(), settings.jvmArgs(),
                settings.variants().stream().map(v -> v.name() + " " + v.jar().getFileName() + v.dbOptions() + " " + v.botArgs() + " " + v.jvmArgs()
                        + " history " + (v.history() >= 0 ? v.history() : settings.history())).toList());

        FakeBotApi echoApi = FakeBotApi.start(BotProcess.TOKEN);
        List<String> echoCommand = new ArrayList<>(List.of(settings.java()));
        echoCommand.addAll(settings.jvmArgs());
        echoCommand.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoBot.class.getName(), echoApi.baseUrl(), BotProcess.TOKEN));
        List<Load.Result> echoResults = new ArrayList<>();
        List<Load.Result> echoHuman = new ArrayList<>();
        long echoCpu = 0;
        long echoMeasured = 0;
        List<RealBot> bots = new ArrayList<>();
        try (Launched echo = Launched.start(echoCommand, Path.of("."), dir.resolve("echo-bot.log"), BOT_ENVIRONMENT)) {
            echoApi.awaitPolling(Duration.ofSeconds(60));
            for (Variant variant : settings.variants()) {
                Machine.awaitQuiet(300);
                Path template = prepareDatabase(report, flows, current, variant.history() >= 0 ? variant.history() : settings.history());
                RealBot bot = new RealBot(variant, template, conversations, flows, current);
                bots.add(bot);
                System.out.printf(Locale.ROOT, "   %s bot polling %.2f s after launch (log: %s)%n", variant.name(), bot.startSeconds, bot.process.log);
            }
            Load echoLoad = new Load(echoApi);
            List<FakeUser> echoMembers = new ArrayList<>(users(echoApi, flows).keySet());
            // the echo bot replays what the first variant's members sent
            Map<Integer, List<String>> plans = new ConcurrentHashMap<>();
            List<Map<Integer, List<String>>> otherPlans = new ArrayList<>();
            for (int i = 1; i < bots.size(); i++) {
                otherPlans.add(new ConcurrentHashMap<>());
            }

            int total = settings.warmupRounds() + settings.rounds();
            int retries = 0;
            Machine.awaitQuiet(600);
            for (int r = 0; r < total; ) {
                boolean measured = r >= settings.warmupRounds();
                if (r == settings.warmupRounds() && settings.profile() != null && retries == 0) {
                    jcmd(bots.get(0).process, "JFR.start", "name=bench", "settings=profile");
                }
                String tag = measured ? "round " + (r - settings.warmupRounds() + 1) : "warm-up " + (r + 1);
                boolean fresh = r > 0 || retries > 0;
                Machine.Window window = new Machine.Window();
                List<Load.Result> results = new ArrayList<>();
                List<Long> cpus = new ArrayList<>();
                for (int b = 0; b < bots.size(); b++) {
                    results.add(bots.get(b).round(tag, seedTable, b == 0 ? plans : otherPlans.get(b - 1), Load.Think.none(), null, fresh));
                    cpus.add(bots.get(b).lastCpu);
                }
                long cpu0 = echo.cpuMillis();
                Load.Result e = echoLoad.run("echo   " + tag, Load.echo(echoMembers, plans), Load.Think.none(), null, Duration.ofSeconds(60));
                long cpu = echo.cpuMillis() - cpu0;
                double others = window.otherCores();
                System.out.printf(Locale.ROOT, "   %s  cpu %.3f ms/update  (other processes %.2f cores)%n", e.line(), cpu / (double) e.updates(), others);
                if (measured && others > Machine.QUIET_CORES && retries < 5) {
                    System.out.println("   ^ disturbed by other processes: repeated");
                    retries++;
                    Machine.awaitQuiet(600);
                    continue;
                }
                retries = 0;
                if (measured) {
                    echoResults.add(e);
                    echoCpu += cpu;
                    echoMeasured += e.updates();
                    for (int b = 0; b < bots.size(); b++) {
                        RealBot bot = bots.get(b);
                        bot.rounds.add(results.get(b));
                        bot.cpuMillis += cpus.get(b);
                        bot.measuredUpdates += results.get(b).updates();
                    }
                }
                r++;
            }
            if (settings.profile() != null) {
                jcmd(bots.get(0).process, "JFR.dump", "name=bench", "filename=" + settings.profile().toAbsolutePath());
                jcmd(bots.get(0).process, "JFR.stop", "name=bench");
                System.out.println("   measured rounds of the first real bot recorded in " + settings.profile());
            }
            StringBuilder cpuLine = new StringBuilder(String.format(Locale.ROOT, "   bot CPU per update (user+system, measured rounds): echo %.3f ms",
                    echoCpu / (double) echoMeasured));
            bots.forEach(bot -> cpuLine.append(String.format(Locale.ROOT, ", %s %.3f ms", bot.variant.name(), bot.cpuMillis / (double) bot.measuredUpdates)));
            System.out.println(cpuLine);

            Load.Think human = new Load.Think(settings.thinkMinMillis(), settings.thinkMaxMillis(), new Random(42));
            for (int r = 0, tries = 0; r < settings.humanRounds(); ) {
                Machine.awaitQuiet(600);
                Machine.Window window = new Machine.Window();
                List<Load.Result> results = new ArrayList<>();
                for (int b = 0; b < bots.size(); b++) {
                    results.add(bots.get(b).round("human pace " + (r + 1), seedTable, b == 0 ? plans : otherPlans.get(b - 1), human,
                            settings.humanDuration(), true));
                }
                Load.Result e = echoLoad.run("echo   human pace " + (r + 1), Load.echo(echoMembers, plans), human,
                        settings.humanDuration(), Duration.ofSeconds(60));
                double others = window.otherCores();
                System.out.printf(Locale.ROOT, "   %s  (other processes %.2f cores)%n", e.line(), others);
                if (others > Machine.QUIET_CORES && tries++ < 3) {
                    System.out.println("   ^ disturbed by other processes: repeated");
                    continue;
                }
                echoHuman.add(e);
                for (int b = 0; b < bots.size(); b++) {
                    bots.get(b).human.add(results.get(b));
                }
                r++;
            }
            for (RealBot bot : bots) {
                while (bot.updates < settings.rssAfterUpdates()) {
                    bot.round("more", seedTable, new ConcurrentHashMap<>(), Load.Think.none(), null, true);
                }
            }
            echoLoad.close();
            long[] echoRss = echo.residentKb();
            List<BotFigures> figures = new ArrayList<>();
            for (RealBot bot : bots) {
                long[] rss = bot.process.residentKb();
                List<String> errors = bot.process.errors();
                System.out.printf(Locale.ROOT, "   %s bot after %d updates: RSS %d MB (peak %d MB); errors in its log: %d%n",
                        bot.variant.name(), bot.updates, rss[0] / 1024, rss[1] / 1024, errors.size());
                errors.stream().limit(10).forEach(line -> System.out.println("     " + line));
                if (java.util.stream.Stream.concat(settings.jvmArgs().stream(), bot.variant.jvmArgs().stream())
                        .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
                    Path nmt = dir.resolve(bot.variant.name() + "-nmt.txt");
                    Files.writeString(nmt, jcmd(bot.process, "VM.native_memory", "summary"));
                    System.out.println("     native memory summary: " + nmt);
                }
                figures.add(new BotFigures(bot.variant.name(), bot.variant.history() >= 0 ? bot.variant.history() : settings.history(), bot.rounds, bot.human, bot.cpuMillis / (double) bot.measuredUpdates,
                        bot.startSeconds, bot.updates, rss, errors));
            }
            System.out.printf(Locale.ROOT, "   echo bot RSS %d MB%n", echoRss[0] / 1024);
            return new Figures(settings.history(), echoResults, echoHuman, echoCpu / (double) echoMeasured, echoRss, figures);
        } finally {
            bots.forEach(RealBot::close);
            echoApi.close();
        }
    }

    /** Runs jcmd of the bots' JDK against a bot process; returns its output. */
    private String jcmd(Launched process, String... command) {
        List<String> args = new ArrayList<>(List.of(Path.of(settings.java()).resolveSibling("jcmd").toString(), String.valueOf(process.pid())));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("jcmd failed: " + e, e);
        }
    }

    private static Map<FakeUser, Flow> users(FakeBotApi api, List<Flow> flows) {
        Map<FakeUser, Flow> users = new LinkedHashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            users.put(api.user(FIRST_MEMBER + i, "Cán bộ " + (i + 1)), flows.get(i));
        }
        return users;
    }

    /** A migrated database with the members and the history; built once per size and reused (copied) after. */
    private Path prepareDatabase(ReportDefinition report, List<Flow> flows, PeriodKey current, long history) throws Exception {
        Path cache = dir.getParent().resolve("db-cache");
        Files.createDirectories(cache);
        String name = "history-" + history + "-copies-" + settings.copies() + "-" + current.key();
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
                long stored = seeder.history(report, current, history, 20);
                seeder.openPeriod(current);
                System.out.printf(Locale.ROOT, "   seeded %d answers in %d periods in %.1f s%n", stored, seeder.count("reporting_period"),
                        (System.nanoTime() - t0) / 1e9);
            }
            Files.move(building.resolveSibling(building.getFileName() + ".mv.db"), cached, StandardCopyOption.REPLACE_EXISTING);
        }
        return cached;
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
