package vn.communereport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A bot (or any JVM) started as its own process, its output kept in a log file. */
final class Launched implements AutoCloseable {

    final Process process;
    final Instant startedAt;
    final Path log;
    final List<String> command;

    private Launched(Process process, Instant startedAt, Path log, List<String> command) {
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
        this.command = command;
    }

    static Launched start(List<String> command, Path workingDir, Path log, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Instant at = Instant.now();
            return new Launched(builder.start(), at, log, List.copyOf(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS and VmHWM (peak) from /proc/pid/status, in kB. */
    long[] residentKb() {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return new long[]{rss, hwm};
        } catch (IOException e) {
            return new long[]{-1, -1};
        }
    }

    /** User + system CPU time the process used so far, in milliseconds (from /proc/pid/stat). */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the log holds {@code text} and returns when it was seen; fails if the process dies or time runs out. */
    Instant awaitOutput(String text, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("«" + text + "» not in " + log + (process.isAlive() ? " after " + timeout : ": the process exited"));
            }
            Thread.sleep(20);
        }
        return Instant.now();
    }

    /** Lines of the log that report an error: ERROR level, exceptions, OutOfMemoryError. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.contains(" ERROR ") || line.contains("Exception") || line.contains("OutOfMemoryError")) {
                errors.add(line);
            }
        }
        return errors;
    }

    /** SIGTERM, as a service manager stops it; waits for the JVM to exit (shutdown hooks, AOT cache dump). */
    int stop(long timeoutSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(30);
        }
    }
}
