package vn.communereport.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * The whole cut-off path through the real bot and the Bot API stand-in, the clock moved: the first half-year's window
 * ends, the office is proposed the period and opens it with one tap, the deadline and its grace pass and entry is
 * refused, then one department let in late answers and hands in until its day ends, while another stays locked.
 */
@LongRunning
class CutOffEndToEndTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        // Friday 12 June 2026: two days before the window of the first half-year ends.
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 12, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of(
                "app.reminders.initial-delay", "PT24H",
                "app.outbox.poll-interval", "PT0.1S",
                "app.windows.initial-delay", "PT0.2S",
                "app.windows.check-interval", "PT0.3S",
                "app.windows.lock-at-least-for", "PT0S"), clock);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void theWindowEndsTheOfficeOpensThePeriodWithATapEntryLocksAndOneDepartmentIsLetInLate() {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser economist = Office.join(api, admin, "kinh-te", 2001, "Hà Thị Kinh");
        FakeUser clerk = Office.join(api, admin, "trung-tam-hcc", 2002, "Vàng Thị Một Cửa");
        ReportDefinition report = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().report();
        Flow economy = report.flow("kinh-te").orElseThrow();
        FlowDriver driver = new FlowDriver(economist, economy, FlowDriver.fromTable(SeedReport.tableValues(report)));

        // Monday 15 June, 08:00: the window (15/12/2025 – 14/6/2026) ended yesterday; the office is proposed the period.
        clock.set(ZonedDateTime.of(2026, 6, 15, 8, 0, 0, 0, HANOI));
        SentMessage proposal = admin.awaitText("Đã hết khoảng chốt số liệu", WAIT);
        assertThat(proposal.text()).contains("từ ngày 15/12/2025 đến ngày 14/06/2026")
                .contains("hạn nộp 17:00 ngày 16/06/2026 (2 ngày làm việc sau ngày chốt)").contains("24 giờ gia hạn");
        assertThat(proposal.buttonData()).containsExactly("okw|2026-H1-cchc");
        admin.presses("okw|2026-H1-cchc");
        assertThat(admin.awaitText("Đã mở kỳ", WAIT).text()).contains("hạn nộp 17:00 ngày 16/06/2026")
                .contains("đến 17:00 ngày 17/06/2026 thì tự khóa nhập");
        assertThat(economist.awaitText("Văn phòng đã mở", WAIT).text()).contains("Hạn nộp: 17:00 ngày 16/06/2026");
        admin.presses("okw|2026-H1-cchc");
        admin.awaitText("đã được mở trước đó", WAIT);

        // Within the deadline the economist answers two questions.
        economist.sends("/start");
        driver.answerUntilReview(driver.nextQuestionOrReview(), 2);

        // Wednesday 17 June, 17:00: the deadline (16/6 17:00) and its 24 hours of grace have passed.
        clock.set(ZonedDateTime.of(2026, 6, 17, 17, 0, 0, 0, HANOI));
        economist.sends("/start");
        assertThat(economist.awaitText("Đã khóa nhập số liệu", WAIT).text())
                .contains("kỳ 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính) từ 17:00 ngày 17/06/2026")
                .contains("hạn nộp 17:00 ngày 16/06/2026").contains("Phòng Kinh tế");
        ReportingPeriod period = bot.bean(PeriodService.class).find("binh-lu", "cchc", new PeriodKey(Frequency.HALF_YEAR, 2026, 1)).orElseThrow();
        CollectionService collection = bot.bean(CollectionService.class);
        int before = collection.departmentAnswers(period.getId(), "kinh-te").size();
        assertThat(before).isEqualTo(2);

        // The office lets Phòng Kinh tế enter late, to the end of Friday 19 June.
        clock.set(ZonedDateTime.of(2026, 6, 18, 9, 0, 0, 0, HANOI));
        admin.sends("/nhapmuon");
        assertThat(admin.awaitText("Cho phòng nào nhập muộn", WAIT).buttonData()).contains("late|kinh-te", "late|trung-tam-hcc");
        admin.presses("late|kinh-te");
        admin.awaitText("đến hết ngày nào", WAIT);
        admin.sends("19/6");
        admin.awaitText("Đã cho Phòng Kinh tế nhập muộn", WAIT);
        SentMessage told = economist.awaitText("cho phép Phòng Kinh tế nhập muộn", WAIT);
        assertThat(told.text()).contains("đến hết ngày 19/06/2026");
        assertThat(told.buttonData()).contains("rep|cchc");

        // It answers the rest and hands its part in; Trung tâm stays locked.
        economist.sends("/start");
        SentMessage review = driver.answerUntilReview(driver.nextQuestionOrReview(), Integer.MAX_VALUE);
        assertThat(driver.questionIn(review)).as("the review, every question answered").isNull();
        Office.submit(economist);
        assertThat(collection.isSubmitted(period.getId(), "kinh-te")).isTrue();
        clerk.sends("/start");
        assertThat(clerk.awaitText("Đã khóa nhập số liệu", WAIT).text()).contains("Trung tâm Phục vụ hành chính công");
        assertThat(collection.departmentAnswers(period.getId(), "trung-tam-hcc")).isEmpty();
    }
}
