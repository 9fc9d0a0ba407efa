package vn.communereport.bench;

import java.util.List;
import java.util.Locale;

/** Sums up end-to-end runs against the targets and compares histories. */
final class EndToEndSummary {

    private EndToEndSummary() {
    }

    /** Updates per second over all measured rounds together. */
    static double throughput(List<Load.Result> rounds) {
        long updates = rounds.stream().mapToLong(Load.Result::updates).sum();
        double seconds = rounds.stream().mapToDouble(Load.Result::seconds).sum();
        return updates / seconds;
    }

    /** Median over rounds of a round's median (or p99) latency. */
    static double latency(List<Load.Result> rounds, boolean p99) {
        double[] values = rounds.stream().mapToDouble(r -> p99 ? r.servedToReply().p99Ms() : r.servedToReply().medianMs()).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    static void print(EndToEndBench.Figures f) {
        System.out.printf(Locale.ROOT, "%n   -- summary, history %s (measured rounds; latency = median of the rounds' figures) --%n", f.history());
        double echo = throughput(f.echo());
        System.out.printf(Locale.ROOT, "   %-6s saturated: %7.1f updates/s, latency median %6.2f ms p99 %6.2f ms, CPU %.3f ms/update; human pace: median %6.2f ms p99 %6.2f ms%n",
                "echo", echo, latency(f.echo(), false), latency(f.echo(), true), f.echoCpuMsPerUpdate(),
                latency(f.echoHuman(), false), latency(f.echoHuman(), true));
        for (EndToEndBench.BotFigures bot : f.real()) {
            double t = throughput(bot.rounds());
            System.out.printf(Locale.ROOT, "   %-6s saturated: %7.1f updates/s, latency median %6.2f ms p99 %6.2f ms, CPU %.3f ms/update; human pace: median %6.2f ms p99 %6.2f ms%n",
                    bot.name(), t, latency(bot.rounds(), false), latency(bot.rounds(), true), bot.cpuMsPerUpdate(),
                    latency(bot.human(), false), latency(bot.human(), true));
            System.out.printf(Locale.ROOT, "          throughput %.2f of the echo bot's (target >= 0.67); p99 at human pace %+.2f ms from the echo bot's (target <= 20 ms), saturated %+.2f ms%n",
                    t / echo, latency(bot.human(), true) - latency(f.echoHuman(), true), latency(bot.rounds(), true) - latency(f.echo(), true));
        }
    }

    /** The first two real bots of a run compared (the history benchmark runs the small and the large history side by side). */
    static void compare(EndToEndBench.Figures f) {
        if (f.real().size() < 2) {
            return;
        }
        EndToEndBench.BotFigures a = f.real().get(0);
        EndToEndBench.BotFigures b = f.real().get(1);
        System.out.printf(Locale.ROOT, "%n== History: %s vs %s, side by side (measured rounds) ==%n", a.history(), b.history());
        System.out.printf(Locale.ROOT, "   throughput %8.1f vs %8.1f updates/s (ratio %.2f); CPU per update %.3f vs %.3f ms (ratio %.2f; target within 20%%)%n",
                throughput(a.rounds()), throughput(b.rounds()), throughput(b.rounds()) / throughput(a.rounds()),
                a.cpuMsPerUpdate(), b.cpuMsPerUpdate(), b.cpuMsPerUpdate() / a.cpuMsPerUpdate());
        System.out.printf(Locale.ROOT, "   saturated latency median %.2f vs %.2f ms, p99 %.2f vs %.2f ms; human pace median %.2f vs %.2f ms, p99 %.2f vs %.2f ms%n",
                latency(a.rounds(), false), latency(b.rounds(), false), latency(a.rounds(), true), latency(b.rounds(), true),
                latency(a.human(), false), latency(b.human(), false), latency(a.human(), true), latency(b.human(), true));
    }

    /** Every real bot against the first (H2 in the database benchmark), and the run's table as BENCHMARKS.md has it. */
    static void againstFirst(EndToEndBench.Figures f) {
        if (f.real().isEmpty()) {
            return;
        }
        EndToEndBench.BotFigures first = f.real().get(0);
        System.out.printf(Locale.ROOT, "%n== Against %s, side by side (measured rounds), history %s ==%n", first.name(), f.history());
        for (EndToEndBench.BotFigures bot : f.real().subList(1, f.real().size())) {
            System.out.printf(Locale.ROOT, "   %-7s throughput %.2f of %s's; p99 saturated %+.2f ms, at a person's pace %+.2f ms; CPU per update %.2f×%n",
                    bot.name(), throughput(bot.rounds()) / throughput(first.rounds()), first.name(),
                    latency(bot.rounds(), true) - latency(first.rounds(), true), latency(bot.human(), true) - latency(first.human(), true),
                    bot.cpuMsPerUpdate() / first.cpuMsPerUpdate());
        }
        System.out.println();
        System.out.println("| bot | saturated updates/s | latency median / p99 (saturated) | at a person's pace, median / p99 | CPU per update | RSS |");
        System.out.println("| --- | ---: | --- | --- | ---: | ---: |");
        System.out.println(row("echo", f.echo(), f.echoHuman(), f.echoCpuMsPerUpdate(), f.echoRssKb()[0]));
        for (EndToEndBench.BotFigures bot : f.real()) {
            System.out.println(row(bot.name(), bot.rounds(), bot.human(), bot.cpuMsPerUpdate(), bot.rssKb()[0]));
        }
    }

    private static String row(String name, List<Load.Result> rounds, List<Load.Result> human, double cpu, long rssKb) {
        return String.format(Locale.ROOT, "| %s | %,.1f | %.2f / %.2f ms | %s | %.3f ms | %d MB |", name, throughput(rounds),
                latency(rounds, false), latency(rounds, true),
                human.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f / %.2f ms", latency(human, false), latency(human, true)),
                cpu, rssKb / 1024);
    }
}
