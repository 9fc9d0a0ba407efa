package vn.communereport.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Percentiles of a set of durations in nanoseconds, reported in milliseconds. */
final class Stats {

    private final long[] sorted;

    Stats(Collection<Long> nanos) {
        this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile, in milliseconds. */
    double percentileMs(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p99Ms() {
        return percentileMs(99);
    }

    double maxMs() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    double totalMs() {
        return Arrays.stream(sorted).sum() / 1e6;
    }

    double meanMs() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d median=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count(), medianMs(),
                percentileMs(90), p99Ms(), maxMs());
    }
}
