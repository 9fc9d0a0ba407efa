package vn.communereport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the benchmarks named on the command line ({@code all} or a comma list of e2e, database, history, startup,
 * form, report, ratelimit, province) and prints their figures; options as {@code key=value}. See docs/BENCHMARKS.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            // The stand-ins' and bots' threads would keep a failed run waiting forever: say why and end.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println();
        // Idle client and stand-in threads of the last benchmark would keep the JVM (and Maven) waiting.
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        List<String> which = Arrays.asList(args.length == 0 ? new String[]{"all"} : args[0].split(","));
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
        }
        boolean all = which.contains("all");
        // Bots run as child processes: never leave one behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        Path out = Path.of(options.getOrDefault("dir", "target/bench"));
        Files.createDirectories(out);
        Path jar = options.containsKey("jar") ? Path.of(options.get("jar")) : findJar();
        if (all || which.contains("e2e")) {
            EndToEndBench.Figures figures = new EndToEndBench(e2eSettings(options, History.answers(small(options)), jar), out.resolve("e2e")).run();
            EndToEndSummary.print(figures);
        }
        if (all || which.contains("database")) {
            // H2 and PostgreSQL side by side, round by round, against the same echo bot, on a province's history
            Map<String, String> o = new LinkedHashMap<>(options);
            if (!o.containsKey("variant1")) {
                o.put("variant1", "h2||||||h2|1");
                o.put("variant2", "pg||||||postgresql|1");
                o.put("variant3", "pg-wh||||||postgresql|1|webhook");
                o.put("variant4", "pg-2wh||||||postgresql|2|webhook");
            }
            o.putIfAbsent("rssAfter", "0");
            History history = History.parse(options.getOrDefault("history", "40x10"));
            EndToEndBench.Figures figures = new EndToEndBench(e2eSettings(o, history, jar), out.resolve("database")).run();
            EndToEndSummary.print(figures);
            EndToEndSummary.againstFirst(figures);
        }
        if (all || which.contains("history")) {
            // both histories side by side, round by round, against the same echo bot
            Map<String, String> o = new LinkedHashMap<>(options);
            o.putIfAbsent("variant1", "h" + small(options) + "|||||" + small(options));
            o.putIfAbsent("variant2", "h" + large(options) + "|||||" + large(options));
            o.putIfAbsent("rssAfter", "0");
            EndToEndBench.Figures figures = new EndToEndBench(e2eSettings(o, History.answers(small(options)), jar), out.resolve("history")).run();
            EndToEndSummary.print(figures);
            EndToEndSummary.compare(figures);
        }
        if (all || which.contains("startup")) {
            String java17 = options.getOrDefault("java17", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String java25 = options.getOrDefault("java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
            List<String> only = options.containsKey("startup.only") ? List.of(options.get("startup.only").split(",")) : List.of();
            List<String> extra = options.containsKey("startup.extra") ? List.of(options.get("startup.extra").split(";")) : List.of();
            new StartupBench(out.resolve("startup"), jar, Integer.parseInt(options.getOrDefault("startup.runs", "5")), java17, java25)
                    .run(only, extra);
        }
        if (all || which.contains("form")) {
            String java = options.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> jvmArgs = List.of(options.getOrDefault("botJvmArgs", "-Xmx128m -XX:+UseSerialGC").split(" "));
            new FormVersusChatBench(new FormVersusChatBench.Settings(Integer.parseInt(options.getOrDefault("form.warmup", "1")),
                    Integer.parseInt(options.getOrDefault("form.rounds", "2")),
                    Long.parseLong(options.getOrDefault("thinkMin", "1000")), Long.parseLong(options.getOrDefault("thinkMax", "2000")),
                    jvmArgs, java, jar, Integer.parseInt(options.getOrDefault("quiet", "300"))), out.resolve("form")).run();
        }
        if (all || which.contains("report")) {
            runReportBenchmarks(options, out);
        }
        if (all || which.contains("province")) {
            runJmh("Province summary: 40 communes, XLSX + ZIP of their DOCX", "vn\\.communereport\\.province\\.ProvinceBench\\.",
                    out.resolve("province-jmh.json"));
        }
        if (all || which.contains("ratelimit")) {
            new RateLimitBench().run(Integer.parseInt(options.getOrDefault("ratelimit.messages", "1000")),
                    Double.parseDouble(options.getOrDefault("ratelimit.rate", "25")), Integer.parseInt(options.getOrDefault("ratelimit.burst", "4")));
        }
    }

    /** JMH: vn.communereport.report.ReportBench (warm, cold, rule check), seed and ten-times definitions. */
    static void runReportBenchmarks(Map<String, String> options, Path out) throws Exception {
        System.out.printf("%n== Report: ReportCompiler.compile(period, date), JMH ==%n");
        org.openjdk.jmh.runner.options.ChainedOptionsBuilder builder = new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include("vn\\.communereport\\.report\\.ReportBench\\." + options.getOrDefault("report.include", "") + ".*")
                .shouldFailOnError(true)
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(out.resolve("report-jmh.json").toString());
        if (options.containsKey("report.definition")) {
            builder.param("definition", options.get("report.definition").split(","));
        }
        new org.openjdk.jmh.runner.Runner(builder.build()).run();
    }

    static void runJmh(String title, String include, Path result) throws Exception {
        System.out.printf("%n== %s, JMH ==%n", title);
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder().include(include + ".*")
                .shouldFailOnError(true).resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                .result(result.toString()).build()).run();
    }

    private static long small(Map<String, String> o) {
        return Long.parseLong(o.getOrDefault("history.small", "1000"));
    }

    private static long large(Map<String, String> o) {
        return Long.parseLong(o.getOrDefault("history.large", "1000000"));
    }

    static EndToEndBench.Settings e2eSettings(Map<String, String> o, History history, Path jar) {
        String java = o.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArgs = List.of(o.getOrDefault("botJvmArgs", "-Xmx128m -XX:+UseSerialGC").split(" "));
        List<EndToEndBench.Variant> variants = new java.util.ArrayList<>();
        // variant1=name|jar|dbOptions|botArgs|jvmArgs|history|database|instances|mode, variant2=...
        // (empty: the packaged jar, the run's history, h2, 1 instance, polling; several instances always use the webhook)
        for (int n = 1; o.containsKey("variant" + n); n++) {
            String[] f = (o.get("variant" + n) + "|||||||||").split("\\|", -1);
            int instances = f[7].isBlank() ? 1 : Integer.parseInt(f[7].trim());
            boolean webhook = instances > 1 || f[8].trim().equalsIgnoreCase("webhook");
            // arguments and JVM options may be separated by commas too, since -Dbench.args splits on spaces
            variants.add(new EndToEndBench.Variant(f[0], f[1].isBlank() ? jar : Path.of(f[1]), f[2],
                    words(f[3].replace(',', ' ')), words(f[4].replace(',', ' ')), f[5].isBlank() ? null : History.parse(f[5]), database(f[6]), instances, webhook));
        }
        if (variants.isEmpty()) {
            variants.add(new EndToEndBench.Variant("real", jar, o.getOrDefault("dbOptions", ""), words(o.getOrDefault("botArgs", "")), List.of(),
                    null, database(o.getOrDefault("database", "")), 1, false));
        }
        PostgresServer postgres = new PostgresServer(o.getOrDefault("pg.url", "jdbc:postgresql://127.0.0.1:5433/"),
                o.getOrDefault("pg.user", "postgres"), o.getOrDefault("pg.password", ""));
        return new EndToEndBench.Settings(history,
                Integer.parseInt(o.getOrDefault("copies", "8")),
                Integer.parseInt(o.getOrDefault("warmup", "15")),
                Integer.parseInt(o.getOrDefault("rounds", "5")),
                Integer.parseInt(o.getOrDefault("humanRounds", "1")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("humanSeconds", "60"))),
                Long.parseLong(o.getOrDefault("thinkMin", "1000")),
                Long.parseLong(o.getOrDefault("thinkMax", "2000")),
                Long.parseLong(o.getOrDefault("rssAfter", "10000")),
                jvmArgs, java, o.containsKey("profile") ? Path.of(o.get("profile")) : null, variants, postgres,
                // how long to wait for a quiet machine before a launch (twice that before a round), how often to repeat a disturbed round
                Integer.parseInt(o.getOrDefault("quiet", "300")), Integer.parseInt(o.getOrDefault("repeats", "5")),
                // launch to ready, per instance: 10 s on a quiet machine, 3 minutes and more on a crowded one
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("startTimeout", "300"))));
    }

    private static EndToEndBench.Database database(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.isEmpty() || n.equals("h2")) {
            return EndToEndBench.Database.H2;
        }
        if (n.equals("postgresql") || n.equals("pg")) {
            return EndToEndBench.Database.POSTGRESQL;
        }
        throw new IllegalArgumentException("unknown database " + name + ": h2 or postgresql");
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split(" "));
    }

    static Path findJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("commune-report-bot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/commune-report-bot-*.jar: run the package phase first"));
        }
    }
}
