package vn.communereport.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.report.Outlier;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;

/**
 * A warning kept needs a reason, and figures are compared with last period's, through the one answer pipeline as every
 * channel calls it: nothing is stored without a reason that can be taken, and the reason is stored with the change.
 */
class KeptReasonsTest {

    static final String REASON = "Tăng do tiếp nhận hồ sơ đất đai đợt cấp giấy chứng nhận";

    @TempDir
    static Path data;
    static BotProcess bot;
    static AnswerPipeline pipeline;
    static CollectionService collection;
    static ReportingPeriod period;
    static ReportingPeriod last;
    static Member centre;
    static Member culture;
    static ReportScope scope;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        pipeline = bot.bean(AnswerPipeline.class);
        collection = bot.bean(CollectionService.class);
        AccessService access = bot.bean(AccessService.class);
        PeriodService periods = bot.bean(PeriodService.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        centre = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(3001), "Lan").member();
        culture = access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(3003), "Hoa").member();
        // Last period, closed, with the figures this one is compared with (III.3.2.1 was skipped then).
        PeriodKey lastKey = PeriodKey.containing(scope.report().frequency(), LocalDate.now()).previous();
        PeriodService.Opening opening = periods.open(scope.communeCode(), scope.report(), lastKey, Instant.now());
        assertThat(opening.outcome()).isEqualTo(PeriodService.OpenOutcome.OPENED);
        last = opening.period();
        stored(last, centre, "III.3.1", AnswerValue.ofNumber(new BigDecimal("1837")));
        stored(last, centre, "III.3.3.1", AnswerValue.ofNumber(new BigDecimal("40")));
        stored(last, centre, "III.3.2.1", AnswerValue.SKIPPED);
        stored(last, culture, "IV.2.1", AnswerValue.ofNumber(new BigDecimal("30")));
        stored(last, culture, "V.3.2", AnswerValue.ofNumber(BigDecimal.ONE));
        assertThat(periods.close(last.getId())).isTrue();
        period = periods.currentPeriod(scope.communeCode(), scope.report());
        assertThat(period.getId()).isNotEqualTo(last.getId());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Question figure(String row) {
        return scope.report().questionsBySlot().get("bieu:" + row);
    }

    static void stored(ReportingPeriod in, Member member, String row, AnswerValue value) {
        collection.save(in, figure(row), value, member.getId(), null, false);
    }

    static AnswerRequest request(Member member, String row, String typed) {
        return AnswerRequest.of(member, period, figure(row), AnswerInput.typed(typed), null);
    }

    static AnswerOutcome answer(Member member, String row, String typed) {
        return pipeline.answer(request(member, row, typed));
    }

    static AnswerOutcome kept(Member member, String row, String typed, String reason) {
        return pipeline.answer(request(member, row, typed).withWarningsAccepted(reason));
    }

    static List<CollectionService.Change> history(String row) {
        return collection.history(period.getId(), figure(row).id());
    }

    @Test
    void aKeptWarningIsNeverStoredWithoutAReasonThatCanBeTaken() {
        assertThat(answer(centre, "III.1.4", "50")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(answer(centre, "III.2.1", "60")).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        AnswerOutcome none = kept(centre, "III.2.1", "60", null);
        assertThat(none).isInstanceOf(AnswerOutcome.NeedsReason.class);
        assertThat(((AnswerOutcome.NeedsReason) none).problemKey()).as("asked for the first time").isNull();
        assertThat(((AnswerOutcome.NeedsReason) none).warnings()).singleElement().asString().contains("III.2.1");
        Map<String, String> refusals = Map.of("   \n ", "reasons.problem.empty", "ok", "reasons.problem.too-short",
                "12345", "reasons.problem.too-short", "đúng".repeat(126), "reasons.problem.too-long");
        refusals.forEach((reason, key) -> {
            AnswerOutcome outcome = kept(centre, "III.2.1", "60", reason);
            assertThat(outcome).as(reason).isInstanceOf(AnswerOutcome.NeedsReason.class);
            assertThat(((AnswerOutcome.NeedsReason) outcome).problemKey()).as(reason).isEqualTo(key);
        });
        assertThat(collection.answer(period.getId(), figure("III.2.1").id())).as("nothing stored without a reason").isEmpty();
        assertThat(history("III.2.1")).isEmpty();

        assertThat(kept(centre, "III.2.1", "60", "  Thêm 10 thủ tục   liên thông\n do sáp nhập xã ")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(history("III.2.1")).singleElement().extracting(CollectionService.Change::reason)
                .isEqualTo("Thêm 10 thủ tục liên thông do sáp nhập xã");
        assertThat(collection.keptReasons(period.getId(), List.of(figure("III.2.1").id())).get(figure("III.2.1").id()).newValue())
                .isEqualTo("60");
    }

    @Test
    void aReasonIsStoredOnlyWithAValueThatNeedsOne() {
        assertThat(kept(centre, "III.1.2", "3", "Không có gì bất thường cả")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(history("III.1.2")).singleElement().extracting(CollectionService.Change::reason).isNull();
    }

    @Test
    void anOutlierShowsLastPeriodsValueAndIsKeptOnlyWithAReason() {
        AnswerOutcome outcome = answer(centre, "III.3.1", "3.900");
        assertThat(outcome).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        AnswerOutcome.NeedsConfirmation confirm = (AnswerOutcome.NeedsConfirmation) outcome;
        assertThat(confirm.warnings()).isEmpty();
        assertThat(confirm.outliers()).singleElement().extracting(Outlier::kind).isEqualTo(Outlier.Kind.CHANGE);
        assertThat(confirm.descriptions()).singleElement().asString()
                .contains("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", "(III.3.1)", last.key().label());
        assertThat(kept(centre, "III.3.1", "3.900", "")).isInstanceOf(AnswerOutcome.NeedsReason.class);
        assertThat(collection.answer(period.getId(), figure("III.3.1").id())).isEmpty();
        assertThat(kept(centre, "III.3.1", "3.900", REASON)).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(history("III.3.1")).last().extracting(CollectionService.Change::reason).isEqualTo(REASON);

        // Within twice and half of 1.837: no question asked; the reason no longer stands for the value.
        assertThat(answer(centre, "III.3.1", "2.000")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(collection.keptReasons(period.getId(), List.of(figure("III.3.1").id()))).isEmpty();
        assertThat(history("III.3.1")).extracting(CollectionService.Change::reason).containsExactly(REASON, null);
    }

    @Test
    void aFallBeyondHalfIsAskedAboutToo() {
        AnswerOutcome outcome = answer(centre, "III.3.3.1", "15");
        assertThat(outcome).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        assertThat(((AnswerOutcome.NeedsConfirmation) outcome).descriptions()).singleElement().asString()
                .contains("Kỳ trước: 40 PAKN; nay 15, giảm 63%");
        assertThat(answer(centre, "III.3.3.1", "20")).as("exactly half is allowed").isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void aRowsOwnRatioAndMaximumApply() {
        // IV.2.1 (staff allotted) may move by a fifth: 30 → 37 asks, 30 → 36 does not (the default would allow 60).
        AnswerOutcome far = answer(culture, "IV.2.1", "37");
        assertThat(far).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        assertThat(((AnswerOutcome.NeedsConfirmation) far).descriptions()).singleElement().asString()
                .contains("Kỳ trước: 30 người; nay 37, tăng 23%");
        assertThat(answer(culture, "IV.2.1", "36")).isInstanceOf(AnswerOutcome.Stored.class);
        // IV.1.1 has no history here, yet its maximum (20) applies.
        AnswerOutcome above = answer(culture, "IV.1.1", "25");
        assertThat(above).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        assertThat(((AnswerOutcome.NeedsConfirmation) above).outliers()).singleElement().extracting(Outlier::kind)
                .isEqualTo(Outlier.Kind.ABOVE_MAX);
        assertThat(((AnswerOutcome.NeedsConfirmation) above).descriptions()).singleElement().asString().contains("tối đa 20 phòng", "nay 25");
        assertThat(answer(culture, "IV.1.1", "5")).isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void withoutHistoryOrWhereTheRowIsOffNothingIsCompared() {
        // III.3.2.1 was skipped last period; V.3.2 (appointments) is never compared; III.3.2.2 was not answered then.
        assertThat(answer(centre, "III.3.2.1", "100")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(answer(culture, "V.3.2", "9")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(answer(centre, "III.3.2.2", "90")).isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void theShippedReportsCompareFiguresAndTheYearlyOneSharesTheLimits() {
        assertThat(scope.report().outliers().changeFor("III.3.1")).hasValue(BigDecimal.ONE);
        assertThat(scope.report().outliers().changeFor("V.3.2")).isEmpty();
        ReportScope yearly = bot.bean(ReportScopes.class).of("binh-lu", "cchc-nam").orElseThrow();
        assertThat(yearly.report().outliers()).isEqualTo(scope.report().outliers());
    }
}
