package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine is shared (other builds may run on it): measures CPU used by processes other than this JVM and its
 * children, and waits for a quiet machine before measuring.
 */
final class Machine {

    static final double QUIET_CORES = 0.25;

    private Machine() {
    }

    /** Busy jiffies of the whole machine (all CPUs), from /proc/stat. */
    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Jiffies used by this JVM and every process descending from it. */
    static long ours() {
        long total = jiffies(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += jiffies(child.pid());
        }
        return total;
    }

    private static long jiffies(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A window over which to measure what others used. */
    static final class Window {
        private final long machine0 = machineBusy();
        private final long ours0 = ours();
        private final long t0 = System.nanoTime();

        /** CPU cores used on average by other processes since the window opened. */
        double otherCores() {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long others = (machineBusy() - machine0) - (ours() - ours0);
            return seconds <= 0 ? 0 : Math.max(0, others / 100.0 / seconds);
        }
    }

    /** Waits (at most {@code maxSeconds}) until other processes use less than {@link #QUIET_CORES} over 3 s. */
    static double awaitQuiet(int maxSeconds) {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        boolean told = false;
        while (true) {
            Window w = new Window();
            sleep(3000);
            double others = w.otherCores();
            if (others < QUIET_CORES || System.nanoTime() > deadline) {
                if (told || others >= QUIET_CORES) {
                    System.out.printf(Locale.ROOT, "   (other processes now use %.2f cores)%n", others);
                }
                return others;
            }
            if (!told) {
                System.out.printf(Locale.ROOT, "   waiting for a quiet machine: other processes use %.2f cores%n", others);
                told = true;
            }
            sleep(7000);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
