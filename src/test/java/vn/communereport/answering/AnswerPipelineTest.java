package vn.communereport.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;

/**
 * The one answer pipeline, called as the web form and the spreadsheet import will call it: no chat, no HTTP.
 * Each outcome, and that nothing is stored unless the outcome says so.
 */
class AnswerPipelineTest {

    @TempDir
    static Path data;
    static BotProcess bot;
    static AnswerPipeline pipeline;
    static CollectionService collection;
    static ReportingPeriod period;
    static Member centre;
    static Member colleague;
    static Member culture;
    static Map<String, Question> bySlot;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        pipeline = bot.bean(AnswerPipeline.class);
        collection = bot.bean(CollectionService.class);
        AccessService access = bot.bean(AccessService.class);
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        centre = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(3001), "Lan").member();
        colleague = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(3002), "Minh").member();
        culture = access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(3003), "Hoa").member();
        period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        bySlot = context.report().questionsBySlot();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Question figure(String row) {
        return bySlot.get("bieu:" + row);
    }

    static AnswerOutcome answer(Member member, String row, String typed, Long shownVersion) {
        return pipeline.answer(AnswerRequest.of(member, period, figure(row), AnswerInput.typed(typed), shownVersion));
    }

    @Test
    void aFigureTypedTheVietnameseWayIsStoredWithItsAudit() {
        AnswerOutcome outcome = answer(centre, "III.3.1", "2.654", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(((AnswerOutcome.Stored) outcome).value().number()).isEqualByComparingTo("2654");
        assertThat(collection.answer(period.getId(), figure("III.3.1").id()).orElseThrow().value().number()).isEqualByComparingTo("2654");
        assertThat(collection.history(period.getId(), figure("III.3.1").id())).hasSize(1);
    }

    @Test
    void whatIsNotANumberIsRefusedWithItsReasonAndNothingIsStored() {
        AnswerOutcome outcome = answer(centre, "III.1.1", "mười hai", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.Refused.class);
        assertThat(((AnswerOutcome.Refused) outcome).reasonKey()).isEqualTo("number.not-a-number");
        assertThat(collection.answer(period.getId(), figure("III.1.1").id())).isEmpty();
    }

    @Test
    void aFigureThatBreaksAnErrorRuleIsRefusedWithTheRule() {
        assertThat(answer(centre, "III.3.2.1", "100", null)).isInstanceOf(AnswerOutcome.Stored.class);
        AnswerOutcome outcome = answer(centre, "III.3.2.2", "120", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.Refused.class);
        assertThat(((AnswerOutcome.Refused) outcome).reasonKey()).isEqualTo("rule.error");
        assertThat(String.valueOf(((AnswerOutcome.Refused) outcome).args()[0])).contains("III.3.2.2");
        assertThat(collection.answer(period.getId(), figure("III.3.2.2").id())).isEmpty();
    }

    @Test
    void anUnusualFigureWaitsForConfirmationAndIsStoredOnceConfirmed() {
        assertThat(figure("III.2.1").departmentCode()).isEqualTo(figure("III.1.4").departmentCode());
        assertThat(answer(centre, "III.1.4", "50", null)).isInstanceOf(AnswerOutcome.Stored.class);
        AnswerOutcome outcome = answer(centre, "III.2.1", "60", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        assertThat(collection.answer(period.getId(), figure("III.2.1").id())).isEmpty();
        AnswerValue pending = ((AnswerOutcome.NeedsConfirmation) outcome).value();
        AnswerOutcome confirmed = pipeline.answer(AnswerRequest.of(centre, period, figure("III.2.1"), AnswerInput.given(pending), null)
                .withWarningsAccepted("Đã đối chiếu với sổ theo dõi thủ tục"));
        assertThat(confirmed).isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void aColleaguesNewerAnswerIsNeverSilentlyReplaced() {
        assertThat(answer(centre, "III.1.2", "10", null)).isInstanceOf(AnswerOutcome.Stored.class);
        // Minh was shown the question before Lan answered it (no answer then).
        AnswerOutcome outcome = answer(colleague, "III.1.2", "12", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.ChangedMeanwhile.class);
        assertThat(((AnswerOutcome.ChangedMeanwhile) outcome).current().value().number()).isEqualByComparingTo("10");
        AnswerOutcome replaced = pipeline.answer(AnswerRequest.of(colleague, period, figure("III.1.2"), AnswerInput.typed("12"), null)
                .withOverwrite());
        assertThat(replaced).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(collection.answer(period.getId(), figure("III.1.2").id()).orElseThrow().value().number()).isEqualByComparingTo("12");
    }

    @Test
    void nobodyAnswersForAnotherDepartment() {
        AnswerOutcome outcome = answer(culture, "III.1.3", "5", null);
        assertThat(outcome).isInstanceOf(AnswerOutcome.NotAllowed.class);
        assertThat(collection.answer(period.getId(), figure("III.1.3").id())).isEmpty();
    }

    @Test
    void aSubmittedPartIsLocked() {
        Question first = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().report().flow("van-hoa-xa-hoi").orElseThrow().questions().get(0);
        assertThat(first.type().numeric()).isTrue();
        collection.submit(period, "van-hoa-xa-hoi", culture.getId(), java.util.List.of("van-hoa-xa-hoi", "kinh-te"));
        AnswerOutcome outcome = pipeline.answer(AnswerRequest.of(culture, period, first, AnswerInput.given(AnswerValue.ofNumber(BigDecimal.ONE)), null));
        assertThat(outcome).isEqualTo(new AnswerOutcome.Locked(true));
        assertThat(collection.answer(period.getId(), first.id())).isEmpty();
    }
}
