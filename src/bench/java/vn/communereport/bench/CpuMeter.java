package vn.communereport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time used by a changing set of processes (a bot's JVMs and the database server's processes working for it),
 * in milliseconds, as a running total: a process seen once keeps counting with its last reading after it is gone, so
 * the total never goes back when a connection's backend exits.
 */
final class CpuMeter {

    private final Supplier<Collection<Long>> processes;
    private final Map<Long, Long> lastJiffies = new HashMap<>();

    CpuMeter(Supplier<Collection<Long>> processes) {
        this.processes = processes;
    }

    /** User + system CPU of every process seen so far, in milliseconds. */
    synchronized long totalMillis() {
        for (long pid : processes.get()) {
            long jiffies = jiffies(pid);
            if (jiffies >= 0) {
                lastJiffies.merge(pid, jiffies, Math::max);
            }
        }
        return lastJiffies.values().stream().mapToLong(Long::longValue).sum() * 10; // USER_HZ is 100 on Linux
    }

    /** utime + stime of a process from /proc/pid/stat, or -1 when it is gone. */
    static long jiffies(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
