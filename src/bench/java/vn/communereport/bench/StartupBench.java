package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.RecordedCall;

/**
 * Start-up: from launching the process to the first getUpdates call at the stand-in, for several ways of running
 * the same jar (Java 17 and 25, the fat jar or its extracted layout, class-data / AOT caches from one training
 * run). Each variant is launched {@code runs} times after one unmeasured launch; the bot restarts on an existing,
 * migrated database with the shipped definitions, as a server restart does.
 */
final class StartupBench {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    /** One way to start the bot: JVM options before {@code -jar}, the jar (null: the project's bin/start), extra application arguments. */
    record Variant(String name, String java, List<String> jvmOptions, Path jar, List<String> appArgs, Training training) {
    }

    /** A training run that writes a cache at exit (AOT cache, CDS archive) before the variant is measured. */
    record Training(List<String> jvmOptions, Path output) {
    }

    /** Median and spread of one variant. */
    record Row(String name, List<Double> firstPoll, List<Double> springStarted, List<Double> connect, String note) {
        String line() {
            return String.format(Locale.ROOT, "%-44s to first getUpdates: median %5.2f s (min %5.2f, max %5.2f)   Spring started at %5.2f s, getMe→getUpdates %4.2f s%s",
                    name, median(firstPoll), min(firstPoll), max(firstPoll), median(springStarted), median(connect), note == null ? "" : "  " + note);
        }
    }

    private final Path dir;
    private final Path jar;
    private final int runs;
    private final String java17;
    private final String java25;

    StartupBench(Path dir, Path jar, int runs, String java17, String java25) {
        this.dir = dir;
        this.jar = jar;
        this.runs = runs;
        this.java17 = java17;
        this.java25 = java25;
    }

    List<Row> run(List<String> only, List<String> extraVariants) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        EndToEndBench.deleteTree(data);
        Files.createDirectories(data);
        Path template = dir.resolve("template");
        EndToEndBench.deleteTree(template);
        Files.createDirectories(template);
        ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
        try (Seeder seeder = new Seeder(Seeder.fileUrl(template.resolve("baocao")), report.code())) {
            seeder.member(EndToEndBench.ADMIN, "Lò Văn Phòng", null, true);
            int i = 0;
            for (Flow flow : report.flowsByDepartment().values()) {
                seeder.member(EndToEndBench.FIRST_MEMBER + i++, "Cán bộ " + i, flow.departmentCode(), false);
            }
            seeder.history(report, vn.communereport.collection.PeriodKey.containing(report.frequency(), java.time.LocalDate.now()), 1000, 20);
        }
        Path extracted = dir.resolve("extracted");
        Path extractedJar = extracted.resolve(jar.getFileName().toString());
        // Re-extracted only for a new jar: class-data and AOT caches check the jars' times and sizes.
        if (!Files.exists(extractedJar) || Files.getLastModifiedTime(extractedJar).compareTo(Files.getLastModifiedTime(jar)) < 0) {
            EndToEndBench.deleteTree(extracted);
            extract(extracted);
        }

        System.out.printf(Locale.ROOT, "%n== Start-up: launch to first getUpdates (%d runs each, after one unmeasured) ==%n", runs);
        List<Variant> variants = new ArrayList<>();
        List<String> heap = List.of("-Xmx128m");
        variants.add(new Variant("java17 -jar", java17, heap, jar, List.of(), null));
        variants.add(new Variant("java17 extracted", java17, heap, extractedJar, List.of(), null));
        Path cds17 = dir.resolve("app17.jsa").toAbsolutePath();
        variants.add(new Variant("java17 extracted + AppCDS archive", java17, concat(heap, "-XX:SharedArchiveFile=" + cds17), extractedJar, List.of(),
                new Training(concat(heap, "-XX:ArchiveClassesAtExit=" + cds17), cds17)));
        if (java25 != null && Files.isExecutable(Path.of(java25))) {
            variants.add(new Variant("java25 -jar", java25, heap, jar, List.of(), null));
            variants.add(new Variant("java25 extracted", java25, heap, extractedJar, List.of(), null));
            Path aot = dir.resolve("app.aot").toAbsolutePath();
            variants.add(new Variant("java25 extracted + AOT cache", java25, concat(heap, "-XX:AOTCache=" + aot), extractedJar, List.of(),
                    new Training(concat(heap, "-XX:AOTCacheOutput=" + aot), aot)));
        }
        variants.add(new Variant("bin/start, java17 (AppCDS to onRefresh)", java17, List.of(), null, List.of(), null));
        if (java25 != null && Files.isExecutable(Path.of(java25))) {
            variants.add(new Variant("bin/start, java25 (AOT cache to onRefresh)", java25, List.of(), null, List.of(), null));
        }
        for (String extra : extraVariants) {
            // name|java17|java25, JVM options and --app=args separated by spaces: e.g. "lazy|25|-XX:AOTCache=... --spring.main.lazy-initialization=true"
            String[] parts = extra.split("\\|", 3);
            List<String> jvm = new ArrayList<>(heap);
            List<String> app = new ArrayList<>();
            for (String token : parts[2].trim().split(" ")) {
                if (token.startsWith("--")) {
                    app.add(token);
                } else if (!token.isBlank()) {
                    jvm.add(token.replace("{dir}", dir.toAbsolutePath().toString()));
                }
            }
            variants.add(new Variant(parts[0], parts[1].equals("25") ? java25 : java17, jvm, extractedJar, app, null));
        }

        List<Row> rows = new ArrayList<>();
        for (Variant variant : variants) {
            if (!only.isEmpty() && only.stream().noneMatch(variant.name()::contains)) {
                continue;
            }
            String note = null;
            if (variant.training() != null) {
                Files.deleteIfExists(variant.training().output());
                double training = train(variant, template, data);
                long size = Files.exists(variant.training().output()) ? Files.size(variant.training().output()) : -1;
                note = String.format(Locale.ROOT, "(training run %.1f s, cache %d MB)", training, size / (1024 * 1024));
                if (size < 0) {
                    note += " CACHE NOT WRITTEN";
                }
            }
            List<Double> poll = new ArrayList<>();
            List<Double> spring = new ArrayList<>();
            List<Double> connect = new ArrayList<>();
            for (int i = 0, tries = 0; i <= runs; i++) {
                Machine.awaitQuiet(300);
                double[] t = launch(variant, variant.jvmOptions(), template, data, null);
                double others = t[3];
                if (others > Machine.QUIET_CORES && tries++ < 5) {
                    System.out.printf(Locale.ROOT, "   (launch disturbed by other processes, %.2f cores: repeated)%n", others);
                    i--;
                    continue;
                }
                if (i > 0) {
                    poll.add(t[0]);
                    spring.add(t[1]);
                    connect.add(t[2]);
                }
            }
            Row row = new Row(variant.name(), poll, spring, connect, note);
            System.out.println("   " + row.line());
            rows.add(row);
        }
        return rows;
    }

    /** The training run: start, one department answers its whole flow, then SIGTERM, so the cache is written at exit. */
    private double train(Variant variant, Path template, Path data) throws Exception {
        long t0 = System.nanoTime();
        launch(variant, variant.training().jvmOptions(), template, data, api -> {
            ReportDefinition report = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow();
            Map<String, String> seedTable = SeedReport.tableValues(report);
            Map<FakeUser, Flow> members = new LinkedHashMap<>();
            int i = 0;
            for (Flow flow : report.flowsByDepartment().values()) {
                members.put(api.user(EndToEndBench.FIRST_MEMBER + i++, "Cán bộ " + i), flow);
            }
            Load load = new Load(api);
            Load.Result result = load.run("training", Load.real(members, seedTable, new java.util.concurrent.ConcurrentHashMap<>()),
                    Load.Think.none(), null, Duration.ofSeconds(60));
            load.close();
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("training run failed: " + result.problems());
            }
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Launches once on a fresh copy of the template database; returns {first getUpdates, Spring started, getMe→getUpdates} in s, and the cores other processes used meanwhile. */
    private double[] launch(Variant variant, List<String> jvmOptions, Path template, Path data,
                            java.util.function.Consumer<FakeBotApi> whilePolling) throws Exception {
        EndToEndBench.deleteTree(data);
        Files.createDirectories(data);
        Files.copy(template.resolve("baocao.mv.db"), data.resolve("baocao.mv.db"));
        FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
        api.user(EndToEndBench.ADMIN, "Lò Văn Phòng").withOpenedChat();
        List<String> command = new ArrayList<>();
        Map<String, String> environment = Map.of();
        if (variant.jar() == null) {
            // bin/start, as an operator runs it: it extracts, trains its cache on its first launch (unmeasured), then uses it
            command.add(Path.of("bin", "start").toAbsolutePath().toString());
            environment = Map.of("JAVA", variant.java()); // and its own JVM options
        } else {
            command.add(variant.java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", variant.jar().toAbsolutePath().toString()));
        }
        command.addAll(List.of(
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + api.baseUrl(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("baocao").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                "--app.conversations-dir=" + Path.of("conversations").toAbsolutePath(),
                "--app.office-admin-ids=" + EndToEndBench.ADMIN, "--server.port=0"));
        command.addAll(variant.appArgs());
        Path log = dir.resolve("launch.log");
        Machine.Window window = new Machine.Window();
        try (Launched process = Launched.start(command, dir, log, environment)) {
            Instant polled = api.awaitPolling(Duration.ofSeconds(120));
            double others = window.otherCores(); // while the bot still runs: a process gone is not counted as ours
            double firstPoll = Duration.between(process.startedAt, polled).toMillis() / 1000.0;
            Instant getMe = api.calls("getMe").stream().map(RecordedCall::receivedAt).findFirst().orElse(polled);
            double connect = Duration.between(getMe, polled).toMillis() / 1000.0;
            if (whilePolling != null) {
                whilePolling.accept(api);
            }
            int exit = process.stop(120);
            double spring = Double.NaN;
            Matcher m = STARTED.matcher(process.output());
            if (m.find()) {
                spring = Double.parseDouble(m.group(2));
            }
            if (whilePolling != null && exit != 0 && exit != 143) {
                System.out.println("   training run exited with " + exit + ", see " + log);
            }
            return new double[]{firstPoll, spring, connect, others};
        } finally {
            api.close();
        }
    }

    private void extract(Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java17, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", target.toAbsolutePath().toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jarmode=tools extract failed");
        }
    }

    private static List<String> concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
