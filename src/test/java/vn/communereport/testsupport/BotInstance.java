package vn.communereport.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.communereport.CommuneReportApplication;

/**
 * The real application in a JVM of its own, so a test can kill it with SIGKILL as a power cut would: one instance
 * of several, named by {@code app.instance-id}, on the database of {@code dataDir} (H2 file or PostgreSQL, see
 * {@link TestDatabase}), listening on a port chosen here so a load balancer in the test can reach it.
 */
public final class BotInstance implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private BotInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts it and returns at once; {@link #awaitLog} says when it is up. */
    public static BotInstance launch(Path dataDir, String name, String apiUrl, String officeAdminIds, List<String> extra) throws IOException {
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath,
                CommuneReportApplication.class.getName(),
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + apiUrl,
                "--app.office-admin-ids=" + officeAdminIds,
                "--app.instance-id=" + name,
                "--server.port=" + port,
                "--telegram.chat-messages-per-second=1000",
                "--telegram.chat-burst=1000"));
        TestDatabase.settingsFor(dataDir).forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(extra);
        Path log = dataDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BotInstance(process, log, port);
    }

    /** Where a load balancer sends its requests: http://127.0.0.1:PORT. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until its output holds {@code text}; fails with the output's tail if it dies or takes too long. */
    public void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("«" + text + "» not in the output of the instance at " + url() + ":\n" + tail(60));
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL: no shutdown hook, no flush; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 137) {
            throw new AssertionError("not killed by SIGKILL: " + (process.isAlive() ? "alive" : "exit " + process.exitValue()));
        }
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
