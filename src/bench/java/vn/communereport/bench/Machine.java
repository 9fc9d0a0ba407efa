package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The machine is shared (other builds may run on it): measures CPU used by processes other than this JVM, its
 * children and the database server's processes working for them, and waits for a quiet machine before measuring.
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

    /** Processes outside this JVM's descendants that work for it (the PostgreSQL server's for its databases). */
    private static final List<Supplier<Collection<Long>>> ALSO_OURS = new CopyOnWriteArrayList<>();

    /** Counts these processes as this benchmark's own, not as other work on the machine. */
    static void countAsOurs(Supplier<Collection<Long>> processes) {
        ALSO_OURS.add(processes);
    }

    /** Jiffies used so far by this JVM, every process descending from it and those counted as ours, by process. */
    static Map<Long, Long> ours() {
        Set<Long> pids = new HashSet<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(child -> pids.add(child.pid()));
        ALSO_OURS.forEach(supplier -> pids.addAll(supplier.get()));
        Map<Long, Long> jiffies = new HashMap<>();
        for (long pid : pids) {
            long used = CpuMeter.jiffies(pid);
            if (used >= 0) {
                jiffies.put(pid, used);
            }
        }
        return jiffies;
    }

    /** A window over which to measure what others used. */
    static final class Window {
        private final long machine0 = machineBusy();
        private final Map<Long, Long> ours0 = ours();
        private final long t0 = System.nanoTime();

        /** CPU cores used on average by other processes since the window opened. */
        double otherCores() {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long ours = 0;
            // a process started in the window counts whole; one gone since is left out (its last moments count as others')
            for (Map.Entry<Long, Long> now : ours().entrySet()) {
                ours += now.getValue() - ours0.getOrDefault(now.getKey(), 0L);
            }
            long others = (machineBusy() - machine0) - ours;
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
