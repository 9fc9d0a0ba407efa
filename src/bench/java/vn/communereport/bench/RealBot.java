package vn.communereport.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.Flow;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;

/**
 * One variant of the real bot in an end-to-end run: its Bot API stand-in, its database (a copy of the seeded
 * template), its process (or processes: instances in webhook mode on one database, the stand-in posting to each in
 * turn), the members who talk to it, and what they measured. CPU per update counts the bot's processes and, on PostgreSQL, the server's processes working for its
 * database: H2 does that work inside the bot's process.
 */
final class RealBot implements AutoCloseable {

    /** The address the webhook is registered at; the stand-in maps it to the instances' local ports. */
    static final String PUBLIC_URL = "https://bot.example.vn";
    static final String WEBHOOK_SECRET = "bench-webhook-secret-0123456789";

    final EndToEndBench.Variant variant;
    final FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
    final VariantDatabase database;
    final List<Launched> processes = new ArrayList<>();
    final Connection connection;
    final Load load;
    final Map<FakeUser, Flow> members;
    final List<Load.Result> rounds = new ArrayList<>();
    final List<Load.Result> human = new ArrayList<>();
    final double startSeconds;
    private final CpuMeter cpu;
    PeriodKey period;
    long cpuMillis;
    long measuredUpdates;
    long updates;
    long lastCpu;

    RealBot(EndToEndBench.Settings settings, EndToEndBench.Variant variant, VariantDatabase database, Path dir, Path conversations,
            List<Flow> flows, PeriodKey current) throws Exception {
        this.variant = variant;
        this.database = database;
        this.period = current;
        Map<String, String> environment = new LinkedHashMap<>(EndToEndBench.BOT_ENVIRONMENT);
        List<String> jvmOptions = new ArrayList<>(settings.jvmArgs());
        for (String option : variant.jvmArgs()) {
            if (option.startsWith("ENV:")) { // e.g. ENV:MALLOC_ARENA_MAX=2
                String[] kv = option.substring(4).split("=", 2);
                environment.put(kv[0], kv[1]);
            } else {
                jvmOptions.add(option);
            }
        }
        List<String> command = new ArrayList<>(List.of(settings.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", variant.jar().toAbsolutePath().toString(),
                "--telegram.bot-token=" + BotProcess.TOKEN,
                "--telegram.api-url=" + api.baseUrl(),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--app.conversations-dir=" + conversations.toAbsolutePath(),
                "--app.office-admin-ids=" + EndToEndBench.ADMIN,
                // Pacing lifted: the echo bot has none, and members answer as fast as the bot replies.
                "--telegram.messages-per-second=1000000", "--telegram.burst=1000000",
                "--telegram.chat-messages-per-second=1000000", "--telegram.chat-burst=1000000"));
        startSeconds = variant.webhook() ? launchBehindWebhook(settings, command, environment, dir) : launchPolling(settings, command, environment, dir);
        cpu = new CpuMeter(() -> {
            List<Long> pids = new ArrayList<>(processes.stream().map(Launched::pid).toList());
            pids.addAll(database.serverProcesses());
            return pids;
        });
        api.user(EndToEndBench.ADMIN, "Lò Văn Phòng").withOpenedChat();
        connection = database.connect();
        connection.setAutoCommit(false);
        load = new Load(api);
        members = EndToEndBench.users(api, flows);
    }

    /** One instance asking for updates (getUpdates); seconds from launch to its first call. */
    private double launchPolling(EndToEndBench.Settings settings, List<String> command, Map<String, String> environment, Path dir) {
        List<String> full = new ArrayList<>(command);
        full.add("--server.port=0");
        full.addAll(variant.botArgs());
        processes.add(Launched.start(full, dir, dir.resolve(variant.name() + "-bot.log"), environment));
        api.awaitPolling(settings.startTimeout());
        return Duration.between(processes.get(0).startedAt, api.firstGetUpdatesAt()).toMillis() / 1000.0;
    }

    /**
     * The variant's instances, launched together in webhook mode on the one database, each on a port of its own; the
     * stand-in posts to them in turn, as a load balancer in front of them would. Seconds from launch until the last
     * one says updates come by webhook.
     */
    private double launchBehindWebhook(EndToEndBench.Settings settings, List<String> command, Map<String, String> environment, Path dir) throws Exception {
        List<String> targets = new ArrayList<>();
        for (int i = 1; i <= variant.instances(); i++) {
            int port = freePort();
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("--server.port=" + port, "--app.instance-id=" + variant.name() + "-" + i, "--telegram.mode=webhook",
                    "--app.public-url=" + PUBLIC_URL, "--telegram.webhook.secret=" + WEBHOOK_SECRET));
            full.addAll(variant.botArgs());
            processes.add(Launched.start(full, dir, dir.resolve(variant.name() + "-" + i + "-bot.log"), environment));
            targets.add("http://127.0.0.1:" + port);
        }
        api.routeWebhook(PUBLIC_URL, targets);
        double seconds = 0;
        for (Launched process : processes) {
            seconds = Math.max(seconds, Duration.between(process.startedAt, process.awaitOutput("updates come by webhook", settings.startTimeout())).toMillis() / 1000.0);
        }
        return seconds;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Load.Result round(String tag, Map<String, String> seedTable, Map<Integer, List<String>> plans, Load.Think think,
                      Duration duration, boolean fresh) throws SQLException {
        if (fresh) {
            period = Seeder.nextRound(connection, "cchc", period);
        }
        long cpu0 = cpu.totalMillis();
        Load.Result result = load.run(String.format("%-6s %s", variant.name(), tag), Load.real(members, seedTable, plans), think,
                duration, Duration.ofSeconds(60));
        long used = cpu.totalMillis() - cpu0;
        updates += result.updates();
        System.out.printf(Locale.ROOT, "   %s  cpu %.3f ms/update%n", result.line(), used / (double) result.updates());
        lastCpu = used;
        return result;
    }

    /** The first process's resident set (VmRSS, VmHWM), in kB; with several instances, their sums. */
    long[] residentKb() {
        long[] sum = new long[2];
        for (Launched process : processes) {
            long[] rss = process.residentKb();
            sum[0] += rss[0];
            sum[1] += rss[1];
        }
        return sum;
    }

    List<String> errors() {
        List<String> errors = new ArrayList<>();
        processes.forEach(p -> errors.addAll(p.errors()));
        return errors;
    }

    String logs() {
        return String.join(", ", processes.stream().map(p -> p.log.toString()).toList());
    }

    @Override
    public void close() {
        load.close();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the bot is going away
        }
        processes.forEach(Launched::close);
        api.close();
        database.close();
    }
}
