package vn.communereport.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.reminder.ReminderService;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * Entry locks by itself at the deadline plus the report's grace (cut_off of reports/cchc: 24 hours), for every write
 * path (answer, submission); one department let in late answers until the end of its day, then is locked again; the
 * reminders after the lock go only to it. The clock is moved; the steps run in order on one period.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryLockTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 6 tháng đầu năm 2026: its window ended on Sunday 14/6; due two working days later, at 17:00. */
    static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 6, 16, 17, 0, 0, 0, HANOI);

    @TempDir
    static Path data;
    static BotProcess bot;
    static MutableClock clock;
    static AnswerPipeline pipeline;
    static CollectionService collection;
    static EntryLock lock;
    static LateEntries lateEntries;
    static ReportScope scope;
    static ReportingPeriod period;
    static Member admin;
    static Member economist;
    static Member clerk;
    static Member office;

    @BeforeAll
    static void start() {
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 15, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        pipeline = bot.bean(AnswerPipeline.class);
        collection = bot.bean(CollectionService.class);
        lock = bot.bean(EntryLock.class);
        lateEntries = bot.bean(LateEntries.class);
        AccessService access = bot.bean(AccessService.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        economist = access.redeem(access.createInvite(admin, "kinh-te"), telegram(3001), "Kinh").member();
        clerk = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(3002), "Một Cửa").member();
        office = access.redeem(access.createInvite(admin, "van-phong"), telegram(3003), "Văn Thư").member();
        period = bot.bean(PeriodService.class).open("binh-lu", scope.report(), new PeriodKey(scope.report().frequency(), 2026, 1),
                DEADLINE.toInstant()).period();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static List<Question> figures(String department) {
        return scope.report().flow(department).orElseThrow().questions().stream().filter(q -> q.type().numeric()).toList();
    }

    static AnswerOutcome answer(Member member, Question question, String typed) {
        return pipeline.answer(AnswerRequest.of(member, period, question, AnswerInput.typed(typed), null).withWarningsAccepted("Đã đối chiếu với sổ theo dõi"));
    }

    @Test
    @Order(1)
    void withinTheGraceAfterTheDeadlineAnswersAreStoredAndAPartIsHandedIn() {
        clock.set(DEADLINE.plusHours(3));
        assertThat(lock.locksAt(period)).contains(DEADLINE.plusHours(24).toInstant());
        assertThat(lock.lockedNow(period, "kinh-te")).isFalse();
        assertThat(answer(economist, figures("kinh-te").get(0), "12")).isInstanceOf(AnswerOutcome.Stored.class);
        // Văn phòng answers every question and hands its part in, late but within the grace.
        Flow flow = scope.report().flow("van-phong").orElseThrow();
        for (Question question : flow.questions()) {
            AnswerValue value = question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ZERO) : AnswerValue.ofText("Nội dung.");
            assertThat(pipeline.answer(AnswerRequest.of(office, period, question, AnswerInput.given(value), null).withWarningsAccepted("Đã đối chiếu với sổ theo dõi")))
                    .as(question.id()).isInstanceOf(AnswerOutcome.Stored.class);
        }
        assertThat(collection.submit(period, "van-phong", office.getId(), scope.owingDepartments()).submitted()).isTrue();
    }

    @Test
    @Order(2)
    void atTheDeadlinePlusGraceEveryWriteIsRefusedNamingTheDeadlineAndNothingChanges() {
        clock.set(DEADLINE.plusHours(24));
        Question first = figures("kinh-te").get(0);
        Question second = figures("kinh-te").get(1);
        assertThat(lock.lockedNow(period, "kinh-te")).isTrue();

        AnswerOutcome refused = answer(economist, second, "7");
        assertThat(refused).isInstanceOf(AnswerOutcome.Locked.class);
        assertThat(((AnswerOutcome.Locked) refused).lateRefusal())
                .contains("Đã khóa nhập số liệu kỳ 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính) từ 17:00 ngày 17/06/2026")
                .contains("hạn nộp 17:00 ngày 16/06/2026, thêm 24 giờ gia hạn").contains("Phòng Kinh tế")
                .contains("Văn phòng HĐND và UBND cho phép nhập muộn");
        assertThat(collection.answer(period.getId(), second.id())).isEmpty();
        // A change of a stored answer is refused too, and the stored one stays.
        assertThat(answer(economist, first, "99")).isInstanceOf(AnswerOutcome.Locked.class);
        assertThat(collection.answer(period.getId(), first.id()).orElseThrow().value().number()).isEqualByComparingTo("12");
        assertThat(collection.history(period.getId(), first.id())).hasSize(1);
        // Below the pipeline, the store refuses as well (a channel that forgot to ask the pipeline).
        assertThat(collection.save(period, second, AnswerValue.ofNumber(BigDecimal.ONE), economist.getId(), null, false).kind())
                .isEqualTo(SaveOutcome.Kind.LOCKED);
        assertThat(collection.submit(period, "kinh-te", economist.getId(), scope.owingDepartments()).submitted()).isFalse();
        assertThat(collection.isSubmitted(period.getId(), "kinh-te")).isFalse();
    }

    @Test
    @Order(3)
    void aLateEntryIsRefusedOutsideItsBoundsAndChangesNothing() {
        clock.set(ZonedDateTime.of(2026, 6, 18, 7, 0, 0, 0, HANOI));
        // Before today, or not later than the lock.
        assertThat(lateEntries.grant(period, "kinh-te", LocalDate.of(2026, 6, 17), admin.getId()).outcome())
                .isEqualTo(LateEntries.Outcome.END_TOO_EARLY);
        // More than late_entry_max_days (10) after the day it locked (17/6).
        LateEntries.Grant tooLate = lateEntries.grant(period, "kinh-te", LocalDate.of(2026, 6, 28), admin.getId());
        assertThat(tooLate.outcome()).isEqualTo(LateEntries.Outcome.END_TOO_LATE);
        assertThat(tooLate.latest()).isEqualTo(LocalDate.of(2026, 6, 27));
        // A part already handed in needs no late entry.
        assertThat(lateEntries.grant(period, "van-phong", LocalDate.of(2026, 6, 20), admin.getId()).outcome())
                .isEqualTo(LateEntries.Outcome.SUBMITTED);
        assertThat(lock.lockedNow(period, "kinh-te")).isTrue();
        assertThat(lateGrants()).isZero();
    }

    @Test
    @Order(4)
    void oneDepartmentLetInLateAnswersAndHandsInUntilTheEndOfItsDayOnlyItIsReminded() {
        clock.set(ZonedDateTime.of(2026, 6, 18, 7, 30, 0, 0, HANOI));
        assertThat(lateEntries.grant(period, "kinh-te", LocalDate.of(2026, 6, 19), admin.getId()).outcome())
                .isEqualTo(LateEntries.Outcome.GRANTED);
        assertThat(lateGrants()).isEqualTo(1);
        assertThat(lock.state(period, "kinh-te").orElseThrow().lateUntil()).isEqualTo(LocalDate.of(2026, 6, 19));
        Question second = figures("kinh-te").get(1);
        assertThat(answer(economist, second, "7")).isInstanceOf(AnswerOutcome.Stored.class);
        // Another department stays locked.
        assertThat(answer(clerk, figures("trung-tam-hcc").get(0), "3")).isInstanceOf(AnswerOutcome.Locked.class);

        // The working morning after the deadline: only the department let in late is reminded; the office is told who is late.
        clock.set(ZonedDateTime.of(2026, 6, 18, 8, 0, 0, 0, HANOI));
        bot.bean(ReminderService.class).queueDue();
        JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
        List<Long> reminded = jdbc.queryForList("select member_id from reminder_log where period_id = ? and slot_key not like 'late-%'",
                Long.class, period.getId());
        assertThat(reminded).containsExactly(economist.getId());
        assertThat(jdbc.queryForObject("select count(*) from reminder_log where period_id = ? and slot_key like 'late-%'",
                Long.class, period.getId())).isEqualTo(1L);

        // The last second of its day it still may; then it is locked again.
        clock.set(ZonedDateTime.of(2026, 6, 19, 23, 59, 59, 0, HANOI));
        assertThat(answer(economist, second, "8")).isInstanceOf(AnswerOutcome.Stored.class);
        clock.set(ZonedDateTime.of(2026, 6, 20, 0, 0, 0, 0, HANOI));
        AnswerOutcome after = answer(economist, second, "9");
        assertThat(after).isInstanceOf(AnswerOutcome.Locked.class);
        assertThat(((AnswerOutcome.Locked) after).lateRefusal()).contains("17:00 ngày 16/06/2026");
        assertThat(collection.answer(period.getId(), second.id()).orElseThrow().value().number()).isEqualByComparingTo("8");
    }

    @Test
    @Order(5)
    void aPeriodWithoutADeadlineNeverLocksByItself() {
        ReportScope yearly = bot.bean(ReportScopes.class).of("binh-lu", "cchc-nam").orElseThrow();
        ReportingPeriod noDeadline = bot.bean(PeriodService.class).currentPeriod("binh-lu", yearly.report());
        assertThat(lock.locksAt(noDeadline)).isEmpty();
        assertThat(lock.lockedNow(noDeadline, "kinh-te")).isFalse();
        assertThat(lateEntries.grant(noDeadline, "kinh-te", LocalDate.of(2026, 6, 25), admin.getId()).outcome())
                .isEqualTo(LateEntries.Outcome.NOT_LOCKING);
    }

    static long lateGrants() {
        return bot.bean(JdbcTemplate.class).queryForObject(
                "select count(*) from submission_event where event = 'LATE_ENTRY_GRANTED' and period_id = ?", Long.class, period.getId());
    }
}
