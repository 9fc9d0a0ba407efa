package vn.communereport.bench;

import java.util.List;
import java.util.Locale;

/** Sums up end-to-end rounds and compares runs. */
final class EndToEndSummary {

    private EndToEndSummary() {
    }

    static double throughput(List<Load.Result> rounds) {
        long updates = rounds.stream().mapToLong(Load.Result::updates).sum();
        double seconds = rounds.stream().mapToDouble(Load.Result::seconds).sum();
        return updates / seconds;
    }

    static Stats latency(List<Load.Result> rounds) {
        // pooled percentiles are not recoverable from per-round ones; use the median of round figures instead
        return null;
    }

    static double medianOf(List<Load.Result> rounds, boolean p99) {
        double[] values = rounds.stream().mapToDouble(r -> p99 ? r.servedToReply().p99Ms() : r.servedToReply().medianMs()).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    static void compare(EndToEndBench.Figures small, EndToEndBench.Figures large) {
        System.out.printf(Locale.ROOT, "%n== History: %d vs %d stored answers (real bot, measured rounds) ==%n", small.history(), large.history());
        System.out.printf(Locale.ROOT, "   throughput     %8.1f vs %8.1f updates/s  (ratio %.2f)%n", throughput(small.real()), throughput(large.real()),
                throughput(large.real()) / throughput(small.real()));
        System.out.printf(Locale.ROOT, "   CPU per update %8.3f vs %8.3f ms         (ratio %.2f)%n", small.realCpuMsPerUpdate(), large.realCpuMsPerUpdate(),
                large.realCpuMsPerUpdate() / small.realCpuMsPerUpdate());
        System.out.printf(Locale.ROOT, "   median latency %8.2f vs %8.2f ms%n", medianOf(small.real(), false), medianOf(large.real(), false));
        System.out.printf(Locale.ROOT, "   p99 latency    %8.2f vs %8.2f ms%n", medianOf(small.real(), true), medianOf(large.real(), true));
    }
}
