package vn.communereport.province;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.communereport.CommuneReportApplication;
import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.MutableClock;

/**
 * The province summary for {@code communes} communes of one province, in the real application (Spring context, H2 file
 * database, Telegram off): what a province administrator waits for after pressing «Tổng hợp toàn tỉnh», from the button's
 * data to the two files (XLSX with a column per commune, ZIP of every commune's compiled DOCX). Every commune's members
 * answered the whole seed report through the answer pipeline; all but every tenth commune handed every part in (those
 * handed in two parts of four, so their DOCX is a draft and their column is marked). Forks run with the bot's heap.
 */
public class ProvinceBench {

    static final long ADMIN = 7001;
    static final PeriodKey PERIOD = new PeriodKey(Frequency.HALF_YEAR, 2026, 1);

    @State(Scope.Benchmark)
    public static class App {

        @Param({"40"})
        public int communes;

        ConfigurableApplicationContext context;
        ProvinceDesk desk;
        ProvinceRequest press;
        Path dir;

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("province-bench");
            Path conversations = ProvinceFixture.conversations(dir.resolve("conversations"), communes, ADMIN, ADMIN + 1);
            ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
            MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 20, 9, 0, 0, 0, zone));
            context = new SpringApplicationBuilder(CommuneReportApplication.class)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock)).run(
                    "--telegram.enabled=false", "--telegram.bot-token=" + vn.communereport.testsupport.BotProcess.TOKEN, "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("baocao").toAbsolutePath(),
                    "--app.conversations-dir=" + conversations.toAbsolutePath(), "--app.commune=" + ProvinceFixture.code(1),
                    "--app.reminders.initial-delay=PT24H", "--logging.level.root=WARN");
            AccessService access = context.getBean(AccessService.class);
            PeriodService periods = context.getBean(PeriodService.class);
            CollectionService collection = context.getBean(CollectionService.class);
            AnswerPipeline pipeline = context.getBean(AnswerPipeline.class);
            ReportScopes scopes = context.getBean(ReportScopes.class);
            Instant deadline = ZonedDateTime.of(2026, 6, 25, 17, 0, 0, 0, zone).toInstant();
            for (int n = 1; n <= communes; n++) {
                ReportScope scope = scopes.owed(ProvinceFixture.code(n), "cchc").orElseThrow();
                ReportDefinition report = scope.report();
                ProvinceFixture.People people = ProvinceFixture.people(access, scope, 100_000L + 100L * n);
                ReportingPeriod period = periods.open(scope.communeCode(), report, PERIOD, deadline).period();
                List<Flow> flows = scope.flows();
                List<Flow> handedIn = n % 10 == 0 ? flows.subList(0, 2) : flows;
                for (Flow flow : flows) {
                    ProvinceFixture.answerPart(pipeline, report, flow, people.byDepartment().get(flow.departmentCode()), period,
                            1 + n % 3, Map.of());
                }
                for (Flow flow : handedIn) {
                    ProvinceFixture.submit(collection, period, scope, flow.departmentCode(), people.byDepartment().get(flow.departmentCode()));
                }
            }
            desk = context.getBean(ProvinceDesk.class);
            ChannelIdentity admin = new ChannelIdentity("telegram", String.valueOf(ADMIN), String.valueOf(ADMIN));
            press = ProvinceRequest.button(admin, "pv|s|cchc|" + PERIOD.key());
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            context.close();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
    public static class Warm {
        /** CPU time of the measuring thread per summary: on a shared machine, wall time also holds waiting for a core. */
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long cpuNanos;
        private long calls;

        /** What is measured is a summary with its two files, every commune's column and a DOCX per commune. */
        @Setup(Level.Trial)
        public void check(App app) {
            ProvinceReply reply = app.desk.handle(app.press);
            long files = reply.messages().stream().filter(m -> m.attachment() != null).count();
            if (files != 2 || reply.messages().stream().noneMatch(m -> m.text().contains(app.communes - app.communes / 10 + "/" + app.communes))) {
                throw new IllegalStateException("not the summary expected: " + reply.messages());
            }
        }

        @Benchmark
        public ProvinceReply summary(App app) {
            long cpu = threads.getCurrentThreadCpuTime();
            ProvinceReply reply = app.desk.handle(app.press);
            cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
            calls++;
            return reply;
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%nprovince summary: %d calls (warm-up included), CPU time %.1f ms per summary%n", calls,
                    cpuNanos / 1e6 / Math.max(1, calls));
        }
    }

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 2, jvmArgsAppend = {"-Xmx128m"})
    public static class Cold {
        @Benchmark
        public ProvinceReply firstSummaryAfterStart(App app) {
            return app.desk.handle(app.press);
        }
    }
}
