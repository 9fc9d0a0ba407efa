package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * as each half-year would. Variants of the real bot (another jar, other options, PostgreSQL instead of H2, several
 * instances in webhook mode) can run alongside, round by round, for a paired comparison; all start from the same
 * seeded data. The same run reads the real bot's resident memory once it has handled 10,000 updates, and
 * checks its log for errors.
 */
final class EndToEndBench {

    static final long ADMIN = 1001;
    static final long FIRST_MEMBER = 20_000;
    /** As bin/start runs the bot; the echo bot gets the same. */
    static final Map<String, String> BOT_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Settings of one run. */
    record Settings(History history, int copies, int warmupRounds, int rounds, int humanRounds, Duration humanDuration,
                    long thinkMinMillis, long thinkMaxMillis, long rssAfterUpdates, List<String> jvmArgs, String java,
                    Path profile, List<Variant> variants, PostgresServer postgres, int quietSeconds, int repeats,
                    Duration startTimeout) {
    }

    /** Where a variant keeps its data. */
    enum Database { H2, POSTGRESQL }

    /**
     * A real bot to run: its jar, options for its JDBC URL, extra application arguments, JVM options (ENV:K=V sets an
     * environment variable), the history stored before it starts (null: the run's), its database, and how many
     * instances of it run on that database (more than one: in webhook mode, the stand-in posting to each in turn).
     */
    record Variant(String name, Path jar, String dbOptions, List<String> botArgs, List<String> jvmArgs, History history,
                   Database database, int instances, boolean webhook) {
    }

    /** What one real bot did in the measured rounds. */
    record BotFigures(String name, History history, List<Load.Result> rounds, List<Load.Result> human, double cpuMsPerUpdate,
                      double startSeconds, long updates, long[] rssKb, List<String> errors) {
    }

    /** Figures of one run, for BENCHMARKS.md and the comparison between histories. */
    record Figures(History history, List<Load.Result> echo, List<Load.Result> echoHuman, double echoCpuMsPerUpdate,
                   long[] echoRssKb, List<BotFigures> real) {
    }

    private final Settings settings;
    private final Path dir;

    EndToEndBench(Settings settings, Path dir) {
        this.settings = settings;
        this.dir = dir;
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
                settings.variants().stream().map(v -> v.name() + " " + v.jar().getFileName() + " " + v.database() + v.dbOptions()
                        + (v.webhook() ? " webhook ×" + v.instances() : "") + " " + v.botArgs() + " " + v.jvmArgs()
                        + " history " + historyOf(v)).toList());
        if (settings.postgres() != null && settings.variants().stream().anyMatch(v -> v.database() == Database.POSTGRESQL)) {
            System.out.println("   " + settings.postgres().durability());
        }

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
            List<String> postgresDatabases = new java.util.concurrent.CopyOnWriteArrayList<>();
            if (settings.postgres() != null) {
                Machine.countAsOurs(() -> postgresDatabases.isEmpty() ? List.of() : settings.postgres().processesFor(postgresDatabases));
            }
            for (Variant variant : settings.variants()) {
                Machine.awaitQuiet(settings.quietSeconds());
                SeededTemplates templates = templates(report, flows, current, historyOf(variant));
                VariantDatabase database;
                if (variant.database() == Database.POSTGRESQL) {
                    database = VariantDatabase.postgres(settings.postgres(), variant.name(), templates.postgres(settings.postgres()), variant.dbOptions());
                    postgresDatabases.add(PostgresServer.name(variant.name(), PostgresServer.RUN));
                } else {
                    database = VariantDatabase.h2(dir, variant.name(), templates.h2(), variant.dbOptions());
                }
                RealBot bot;
                try {
                    bot = new RealBot(settings, variant, database, dir, conversations, flows, current);
                } catch (Exception | AssertionError e) {
                    database.close();
                    throw e;
                }
                bots.add(bot);
                System.out.printf(Locale.ROOT, "   %s bot ready %.2f s after launch (log: %s)%n", variant.name(), bot.startSeconds, bot.logs());
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
            Machine.awaitQuiet(2 * settings.quietSeconds());
            for (int r = 0; r < total; ) {
                boolean measured = r >= settings.warmupRounds();
                if (r == settings.warmupRounds() && settings.profile() != null && retries == 0) {
                    jcmd(bots.get(0).processes.get(0), "JFR.start", "name=bench", "settings=profile");
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
                if (measured && others > Machine.QUIET_CORES && retries < settings.repeats()) {
                    System.out.println("   ^ disturbed by other processes: repeated");
                    retries++;
                    Machine.awaitQuiet(2 * settings.quietSeconds());
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
                jcmd(bots.get(0).processes.get(0), "JFR.dump", "name=bench", "filename=" + settings.profile().toAbsolutePath());
                jcmd(bots.get(0).processes.get(0), "JFR.stop", "name=bench");
                System.out.println("   measured rounds of the first real bot recorded in " + settings.profile());
            }
            StringBuilder cpuLine = new StringBuilder(String.format(Locale.ROOT, "   bot CPU per update (user+system, measured rounds): echo %.3f ms",
                    echoCpu / (double) echoMeasured));
            bots.forEach(bot -> cpuLine.append(String.format(Locale.ROOT, ", %s %.3f ms", bot.variant.name(), bot.cpuMillis / (double) bot.measuredUpdates)));
            System.out.println(cpuLine);

            Load.Think human = new Load.Think(settings.thinkMinMillis(), settings.thinkMaxMillis(), new Random(42));
            for (int r = 0, tries = 0; r < settings.humanRounds(); ) {
                Machine.awaitQuiet(2 * settings.quietSeconds());
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
                if (others > Machine.QUIET_CORES && tries++ < Math.min(3, settings.repeats())) {
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
                long[] rss = bot.residentKb();
                List<String> errors = bot.errors();
                System.out.printf(Locale.ROOT, "   %s bot after %d updates: RSS %d MB (peak %d MB); errors in its log: %d%n",
                        bot.variant.name(), bot.updates, rss[0] / 1024, rss[1] / 1024, errors.size());
                errors.stream().limit(10).forEach(line -> System.out.println("     " + line));
                if (java.util.stream.Stream.concat(settings.jvmArgs().stream(), bot.variant.jvmArgs().stream())
                        .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
                    Path nmt = dir.resolve(bot.variant.name() + "-nmt.txt");
                    Files.writeString(nmt, jcmd(bot.processes.get(0), "VM.native_memory", "summary"));
                    System.out.println("     native memory summary: " + nmt);
                }
                figures.add(new BotFigures(bot.variant.name(), historyOf(bot.variant), bot.rounds, bot.human, bot.cpuMillis / (double) bot.measuredUpdates,
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

    static Map<FakeUser, Flow> users(FakeBotApi api, List<Flow> flows) {
        Map<FakeUser, Flow> users = new LinkedHashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            users.put(api.user(FIRST_MEMBER + i, "Cán bộ " + (i + 1)), flows.get(i));
        }
        return users;
    }

    private History historyOf(Variant variant) {
        return variant.history() != null ? variant.history() : settings.history();
    }

    /** The seeded templates for a history: the members, the history, the open period; built once, reused (copied) after. */
    private SeededTemplates templates(ReportDefinition report, List<Flow> flows, PeriodKey current, History history) {
        String key = "history-" + history.key() + "-copies-" + settings.copies() + "-" + current.key();
        return new SeededTemplates(dir.getParent().resolve("db-cache"), key, report.code(), seeder -> {
            seeder.member(ADMIN, "Lò Văn Phòng", null, true);
            for (int i = 0; i < flows.size(); i++) {
                seeder.member(FIRST_MEMBER + i, "Cán bộ " + (i + 1), flows.get(i).departmentCode(), false);
            }
            long stored = seeder.history(report, current, history);
            seeder.openPeriod(current);
            return stored;
        });
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
