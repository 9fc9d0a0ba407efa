package vn.communereport.report;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import vn.communereport.bench.SyntheticDefinitions;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;

/**
 * Producing the full report (DOCX + XLSX) from stored answers, in the real application (Spring context, H2 file
 * database, Telegram off): {@code ReportCompiler.compile(period, date)} on a period holding every answer of the seed
 * report (its own figures and narratives) with every part handed in. {@code definition=x10} is a synthetic
 * definition ten times the seed's size (rows, blocks, rules, questions, departments), its copies answered alike.
 * <p>
 * {@link Warm}: the steady state (JIT-compiled). {@link Cold}: the first compile after the application started,
 * one per fresh JVM. {@link CheckAnswer}: the rule check the bot runs on every figure a member answers. Every fork
 * runs with the heap the bot is run with (-Xmx128m).
 */
public class ReportBench {

    /** The running application with a period full of answers. */
    @State(Scope.Benchmark)
    public static class App {

        @Param({"seed", "x10"})
        public String definition;

        ConfigurableApplicationContext context;
        ReportCompiler compiler;
        ReportingPeriod period;
        Question figureQuestion;
        Path dir;

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("report-bench");
            int copies = definition.equals("x10") ? 10 : 1;
            Path conversations = SyntheticDefinitions.write(Path.of("conversations"), copies, dir.resolve("conversations"));
            context = new SpringApplicationBuilder(CommuneReportApplication.class).run(
                    "--telegram.enabled=false", "--telegram.bot-token=" + vn.communereport.testsupport.BotProcess.TOKEN, "--server.port=0",
                    "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("baocao").toAbsolutePath(),
                    "--app.conversations-dir=" + conversations.toAbsolutePath(),
                    "--app.reminders.initial-delay=PT24H",
                    "--logging.level.root=WARN");
            compiler = context.getBean(ReportCompiler.class);
            ReportScope scope = context.getBean(ReportScopes.class).owed("binh-lu", "cchc").orElseThrow();
            CollectionService collection = context.getBean(CollectionService.class);
            period = context.getBean(PeriodService.class).currentPeriod(scope);
            Map<String, AnswerValue> seed = SeedFixture.seedAnswers();
            for (int j = 0; j < copies; j++) {
                for (Map.Entry<String, AnswerValue> answer : seed.entrySet()) {
                    Question question = scope.report().question(SyntheticDefinitions.questionId(answer.getKey(), j)).orElseThrow();
                    collection.save(period, question, answer.getValue(), 1, null, false);
                }
            }
            List<String> departments = new ArrayList<>();
            scope.flows().forEach(f -> departments.add(f.departmentCode()));
            for (Flow flow : scope.flows()) {
                collection.submit(period, flow.departmentCode(), 1, departments);
            }
            // re-read: submitting the last part touched the period
            period = context.getBean(PeriodService.class).byId(period.getId()).orElseThrow();
            figureQuestion = scope.report().question("hcc-hs-dung-han").orElse(null);
            if (figureQuestion == null) {
                figureQuestion = scope.report().flowsByDepartment().values().stream().flatMap(f -> f.questions().stream())
                        .filter(q -> q.type().numeric()).findFirst().orElseThrow();
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            context.close();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final LocalDate DATE = LocalDate.of(2026, 12, 25);

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 2, jvmArgsAppend = {"-Xmx128m"})
    public static class Warm {
        @Benchmark
        public CompiledReport compile(App app) {
            return app.compiler.compile(app.period, DATE);
        }
    }

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 8, jvmArgsAppend = {"-Xmx128m"})
    public static class Cold {
        @Benchmark
        public CompiledReport firstCompileAfterStart(App app) {
            return app.compiler.compile(app.period, DATE);
        }
    }

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
    public static class CheckAnswer {
        @Benchmark
        public List<RuleFinding> checkOneFigure(App app) {
            return app.compiler.checkAnswer(app.period, app.figureQuestion, BigDecimal.valueOf(2600));
        }
    }
}
