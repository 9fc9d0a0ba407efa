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
 * Runs the benchmarks named on the command line ({@code all} or a comma list of e2e, history, startup, report,
 * ratelimit) and prints their figures; options as {@code key=value}. See docs/BENCHMARKS.md.
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
        Path out = Path.of(options.getOrDefault("dir", "target/bench"));
        Files.createDirectories(out);
        Path jar = options.containsKey("jar") ? Path.of(options.get("jar")) : findJar();
        EndToEndBench.Figures small = null;
        EndToEndBench.Figures large = null;
        if (all || which.contains("e2e")) {
            small = new EndToEndBench(e2eSettings(options, Long.parseLong(options.getOrDefault("history.small", "1000"))),
                    out.resolve("e2e-small"), jar).run();
        }
        if (all || which.contains("history")) {
            large = new EndToEndBench(e2eSettings(options, Long.parseLong(options.getOrDefault("history.large", "1000000"))),
                    out.resolve("e2e-large"), jar).run();
        }
        if (small != null && large != null) {
            EndToEndSummary.compare(small, large);
        }
        System.out.println();
    }

    static EndToEndBench.Settings e2eSettings(Map<String, String> o, long history) {
        String java = o.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvmArgs = List.of(o.getOrDefault("botJvmArgs", "-Xmx128m").split(" "));
        return new EndToEndBench.Settings(history,
                Integer.parseInt(o.getOrDefault("copies", "8")),
                Integer.parseInt(o.getOrDefault("warmup", "15")),
                Integer.parseInt(o.getOrDefault("rounds", "5")),
                Integer.parseInt(o.getOrDefault("humanRounds", "1")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("humanSeconds", "60"))),
                Long.parseLong(o.getOrDefault("thinkMin", "1000")),
                Long.parseLong(o.getOrDefault("thinkMax", "2000")),
                Long.parseLong(o.getOrDefault("rssAfter", "10000")),
                jvmArgs, java, o.containsKey("profile") ? Path.of(o.get("profile")) : null,
                o.getOrDefault("dbOptions", ""),
                o.containsKey("botArgs") ? List.of(o.get("botArgs").split(" ")) : List.of());
    }

    static Path findJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("commune-report-bot-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/commune-report-bot-*.jar: run the package phase first"));
        }
    }
}
