package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.GeneratedCommunes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.StatementCounter;
import vn.communereport.testsupport.StatementCounter.Tally;

/**
 * How many SQL statements one turn runs (issue 15), counted at the DataSource, on a bare database and on one with
 * 40 communes, 10 past periods of answers each and 32 members: a typed figure must stay at {@link #TYPED_FIGURE}
 * statements and read no more rows when history and communes grow. Writes {@code target/statements-per-update.txt}.
 */
@LongRunning
class StatementsPerUpdateTest {

    /** Statements of one typed figure stored and the next question asked, on a bare database (17 before issue 15). */
    static final int TYPED_FIGURE = 13;
    static final Pattern INVITE = Pattern.compile("/start ([A-Z0-9]{10})");
    static final Pattern HEADER = Pattern.compile("Câu (\\d+)/(\\d+)");

    @TempDir
    Path data;
    BotProcess bot;
    int delivery = 1;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void aTypedFigureRunsAFixedNumberOfStatementsWhateverTheHistory() throws Exception {
        Measured bare = measure(0, 0, 0);
        bot.close();
        bot = null;
        Measured crowded = measure(40, 10, 32);
        String text = "bare database:\n" + bare + "\n40 communes x 10 periods, 32 members:\n" + crowded;
        Files.writeString(Path.of("target/statements-per-update.txt"), text);
        System.out.println(text);

        assertThat(bare.typed.count()).as("statements of a typed figure:\n%s", bare.typed).isLessThanOrEqualTo(TYPED_FIGURE);
        // with a past, the outlier check reads last period's answer too: one statement and two rows more, no more
        assertThat(crowded.typed.count()).as("statements of a typed figure with history:\n%s", crowded.typed)
                .isLessThanOrEqualTo(bare.typed.count() + 1);
        assertThat(crowded.typed.rows()).as("rows read for a typed figure with history:\n%s", crowded.typed)
                .isLessThanOrEqualTo(bare.typed.rows() + 2);
        assertThat(crowded.narrative.count()).isEqualTo(bare.narrative.count());
        assertThat(crowded.narrative.rows()).isEqualTo(bare.narrative.rows());
        assertThat(crowded.button.count()).isEqualTo(bare.button.count());
        assertThat(bare.typed.commits()).as("one commit per turn").isEqualTo(1);
    }

    record Measured(Tally typed, Tally narrative, Tally button) {
        @Override
        public String toString() {
            return "typed figure: " + typed + "\nnarrative: " + narrative + "\nbutton (narrative done): " + button + "\n";
        }
    }

    private Measured measure(int communes, int periods, int members) throws Exception {
        Path conversations = GeneratedCommunes.copyOfShipped(data.resolve("conversations-" + communes), Map.of());
        List<String> codes = GeneratedCommunes.add(conversations, communes, 700_000);
        StatementCounter counter = new StatementCounter();
        bot = BotProcess.start("http://127.0.0.1:9", data.resolve("db-" + communes), String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H",
                        "app.conversations-dir", conversations.toAbsolutePath().toString()), null, counter);
        ConversationEngine engine = bot.bean(ConversationEngine.class);
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Flow flow = scope.report().flow("kinh-te").orElseThrow();
        JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
        for (int m = 0; m < members; m++) {
            join(engine, scope.report().flowsByDepartment().keySet().stream().toList().get(m % scope.report().flowsByDepartment().size()), 3000 + m);
        }
        Reply reply = join(engine, "kinh-te", 2001);
        ReportingPeriod current = bot.bean(PeriodService.class).currentPeriod("binh-lu", scope.report());
        List<String> historyCommunes = new ArrayList<>(List.of("binh-lu"));
        historyCommunes.addAll(codes.subList(0, Math.max(0, communes - 1)));
        Function<Question, String> answers = FlowDriver.fromTable(SeedReport.tableValues(scope.report()));
        for (String commune : periods == 0 ? List.<String>of() : historyCommunes) {
            history(jdbc, commune, scope, current.key(), periods, answers);
        }

        List<Tally> typed = new ArrayList<>();
        List<String> trail = new ArrayList<>(texts(reply));
        Tally narrative = null;
        Tally button = null;
        for (int step = 0; step < 3 * flow.size() && (typed.size() < 5 || narrative == null); step++) {
            Question q = questionIn(reply, flow);
            if (q == null) {
                break;
            }
            Reply[] out = new Reply[1];
            if (q.type() == QuestionType.NARRATIVE) {
                Tally t = counter.measure(() -> out[0] = engine.handle(text(2001, answers.apply(q))));
                narrative = narrative == null ? t : narrative;
                Tally b = counter.measure(() -> out[0] = engine.handle(press(2001, "d|" + q.id())));
                button = button == null ? b : button;
            } else if (q.type() == QuestionType.YESNO) {
                out[0] = engine.handle(press(2001, "ch|" + q.id() + ":1"));
            } else {
                String value = answers.apply(q);
                Tally t = counter.measure(() -> out[0] = engine.handle(value.isEmpty() ? press(2001, "s|" + q.id()) : text(2001, value)));
                if (!value.isEmpty() && texts(out[0]).stream().anyMatch(s -> s.contains("✅ Đã lưu")) && questionIn(out[0], flow) != null) {
                    typed.add(t);
                }
            }
            reply = settle(engine, out[0], q);
            trail.addAll(texts(reply));
        }
        assertThat(typed).as("typed figures measured in %s", trail).hasSizeGreaterThanOrEqualTo(3);
        assertThat(narrative).as("a narrative measured").isNotNull();
        // the first figures warm nothing up in SQL, but take the last one: the steady state of a flow
        return new Measured(typed.get(typed.size() - 1), narrative, button);
    }

    private Reply settle(ConversationEngine engine, Reply reply, Question q) {
        boolean warned = reply.messages().stream().anyMatch(m -> m.buttons().stream().flatMap(List::stream)
                .anyMatch(b -> ("wy|" + q.id()).equals(b.data())));
        if (warned) {
            engine.handle(press(2001, "wy|" + q.id()));
            return engine.handle(text(2001, FlowDriver.REASON));
        }
        if (texts(reply).stream().anyMatch(s -> s.contains("Số liệu không hợp lệ"))) {
            return engine.handle(text(2001, "0"));
        }
        return reply;
    }

    private Reply join(ConversationEngine engine, String department, long user) {
        Reply invite = engine.handle(text(Office.ADMIN, "/moi " + department));
        Matcher code = INVITE.matcher(invite.messages().get(0).text());
        assertThat(code.find()).as("an invitation in %s", texts(invite)).isTrue();
        return engine.handle(text(user, code.group(1)));
    }

    /** Closed periods before {@code current}, every question of the report answered, as the bench's seeder stores them. */
    private static void history(JdbcTemplate jdbc, String commune, ReportScope scope, PeriodKey current, int periods,
                                Function<Question, String> answers) {
        PeriodKey key = current;
        for (int p = 0; p < periods; p++) {
            key = key.previous();
            Timestamp at = Timestamp.from(Instant.parse(key.startsOn() + "T00:00:00Z"));
            jdbc.update("insert into reporting_period (commune_code, report_code, period_key, starts_on, ends_on, deadline, status, "
                    + "opened_at, version) values (?, ?, ?, ?, ?, null, 'CLOSED', ?, 0)", commune, scope.reportCode(), key.key(),
                    key.startsOn(), key.endsOn(), at);
            Long id = jdbc.queryForObject("select id from reporting_period where commune_code = ? and report_code = ? and period_key = ?",
                    Long.class, commune, scope.reportCode(), key.key());
            List<Object[]> rows = new ArrayList<>();
            for (Flow f : scope.report().flowsByDepartment().values()) {
                for (Question q : f.questions()) {
                    boolean words = q.type() == QuestionType.NARRATIVE || q.type() == QuestionType.TEXT;
                    rows.add(new Object[] {id, q.id(), q.departmentCode(), words ? "Nội dung kỳ trước" : null,
                            words ? null : figure(answers.apply(q)), at});
                }
            }
            jdbc.batchUpdate("insert into answer (period_id, question_id, department_code, value_text, value_number, skipped, "
                    + "updated_by, updated_at, version) values (?, ?, ?, ?, ?, false, 1, ?, 0)", rows);
        }
    }

    /** The figure typed ("2.654", "12,5"), so that history raises no outlier warning. */
    private static java.math.BigDecimal figure(String typed) {
        String plain = typed.replace(".", "").replace(',', '.');
        return plain.matches("[0-9]+(\\.[0-9]+)?") ? new java.math.BigDecimal(plain) : java.math.BigDecimal.ZERO;
    }

    private static Question questionIn(Reply reply, Flow flow) {
        for (String t : texts(reply)) {
            Matcher m = HEADER.matcher(t);
            if (m.find()) {
                return flow.questions().get(Integer.parseInt(m.group(1)) - 1);
            }
        }
        return null;
    }

    private Inbound text(long user, String text) {
        return Inbound.text(telegram(user), "d" + delivery++, "Người " + user, text);
    }

    private Inbound press(long user, String data) {
        return Inbound.button(telegram(user), "d" + delivery++, "Người " + user, data);
    }

    private static List<String> texts(Reply reply) {
        return reply.messages().stream().map(Outbound::text).toList();
    }

    private static ChannelIdentity telegram(long userId) {
        return new ChannelIdentity("telegram", String.valueOf(userId), String.valueOf(userId));
    }
}
