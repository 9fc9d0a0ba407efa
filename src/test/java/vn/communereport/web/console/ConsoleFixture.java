package vn.communereport.web.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.web.WebPrincipal;

/** People, answers and outbox reads for the console's tests, made through the application's own services. */
final class ConsoleFixture {

    static final String COMMUNE = "binh-lu";
    static final String CSRF = "csrf-of-this-session";
    private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([0-9a-f]+)\"");

    private final AccessService access;
    private final AnswerPipeline pipeline;
    private final PeriodService periods;
    private final ReportScope scope;
    private final JdbcTemplate jdbc;
    private final CollectionService collection;

    ConsoleFixture(AccessService access, AnswerPipeline pipeline, PeriodService periods, ReportScopes scopes, JdbcTemplate jdbc,
                   CollectionService collection) {
        this.collection = collection;
        this.access = access;
        this.pipeline = pipeline;
        this.periods = periods;
        this.scope = scopes.of(COMMUNE, "cchc").orElseThrow();
        this.jdbc = jdbc;
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    Member admin(long telegramId, String name) {
        access.ensureOfficeAdmins(COMMUNE, List.of(telegram(telegramId)));
        return access.recognise(telegram(telegramId), name).orElseThrow();
    }

    Member member(Member admin, String department, long telegramId, String name) {
        return access.redeem(access.createInvite(admin, department), telegram(telegramId), name).member();
    }

    static WebPrincipal principal(Member member) {
        return new WebPrincipal(member.getId(), member.getCommuneCode(), member.isOfficeAdmin(), CSRF);
    }

    ReportingPeriod period() {
        return periods.currentPeriod(scope);
    }

    ReportScope scope() {
        return scope;
    }

    /** Answers through the one pipeline, warnings accepted, as a member who saw the stored version would. */
    AnswerOutcome answer(Member member, String questionId, String typed) {
        Question question = scope.report().question(questionId).orElseThrow();
        ReportingPeriod period = period();
        Long shown = pipelineVersion(period, questionId);
        return pipeline.answer(AnswerRequest.of(member, period, question, new AnswerInput.Typed(typed), shown).withWarningsAccepted("Đã đối chiếu với sổ theo dõi"));
    }

    private Long pipelineVersion(ReportingPeriod period, String questionId) {
        return collection.answer(period.getId(), questionId).map(Answer::getVersion).orElse(null);
    }

    /** What the outbox holds for a member, oldest first. */
    List<String> messagesTo(Member member) {
        return jdbc.queryForList("select text from outbox_message where recipient_key = ? order by id", String.class,
                "member:" + member.getId());
    }

    long outboxSize() {
        return jdbc.queryForObject("select count(*) from outbox_message", Long.class);
    }

    static String once(String page) {
        Matcher m = ONCE.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no one-time form token in the page");
        }
        return m.group(1);
    }
}
