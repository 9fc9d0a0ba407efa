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
 * Runs the benchmarks named on the command line ({@code all} or a comma list of e2e, history, startup, form,
 * report, ratelimit, province) and prints their figures; options as {@code key=value}. See docs/BENCHMARKS.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
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
            EndToEndBench.Figures figures = new EndToEndBench(e2eSettings(options, small(options), jar), out.resolve("e2e")).run();
            EndToEndSummary.print(figures);
        }
        if (all || which.contains("history")) {
            // both histories side by side, round by round, against the same echo bot
            Map<String, String> o = new LinkedHashMap<>(options);
            o.putIfAbsent("variant1", "h" + small(options) + "|||||" + small(options));
            o.putIfAbsent("variant2", "h" + large(options) + "|||||" + large(options));
            o.putIfAbsent("rssAfter", "0");
            EndToEndBench.Figures figures = new EndToEndBench(e2eSettings(o, small(options), jar), out.resolve("history")).run();
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
        System.out.println();
        // Idle client and stand-in threads of the last benchmark would keep the JVM (and Maven) waiting.
        System.exit(0);
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

    static EndToEndBench.Settings e2eSettings(Map<String, String> o, long history, Path jar) {
        String java = o.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArgs = List.of(o.getOrDefault("botJvmArgs", "-Xmx128m -XX:+UseSerialGC").split(" "));
        List<EndToEndBench.Variant> variants = new java.util.ArrayList<>();
        // variant1=name|jar|dbOptions|botArgs|jvmArgs, variant2=...  (empty jar: the packaged one)
        for (int n = 1; o.containsKey("variant" + n); n++) {
            String[] f = (o.get("variant" + n) + "||||||").split("\\|", -1);
            variants.add(new EndToEndBench.Variant(f[0], f[1].isBlank() ? jar : Path.of(f[1]), f[2], words(f[3]), words(f[4]),
                    f[5].isBlank() ? -1 : Long.parseLong(f[5])));
        }
        if (!variants.isEmpty()) {
            // as given
        } else {
            variants.add(new EndToEndBench.Variant("real", jar, o.getOrDefault("dbOptions", ""), words(o.getOrDefault("botArgs", "")), List.of(), -1));
        }
        return new EndToEndBench.Settings(history,
                Integer.parseInt(o.getOrDefault("copies", "8")),
                Integer.parseInt(o.getOrDefault("warmup", "15")),
                Integer.parseInt(o.getOrDefault("rounds", "5")),
                Integer.parseInt(o.getOrDefault("humanRounds", "1")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("humanSeconds", "60"))),
                Long.parseLong(o.getOrDefault("thinkMin", "1000")),
                Long.parseLong(o.getOrDefault("thinkMax", "2000")),
                Long.parseLong(o.getOrDefault("rssAfter", "10000")),
                jvmArgs, java, o.containsKey("profile") ? Path.of(o.get("profile")) : null, variants);
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
