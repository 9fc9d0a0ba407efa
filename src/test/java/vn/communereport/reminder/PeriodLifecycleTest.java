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

import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * A period is opened, chased by hand, closed; the next one offers last period's value of figures that
 * rarely change as a one-tap answer.
 */
@LongRunning
class PeriodLifecycleTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN),
                Map.of("app.reminders.initial-delay", "PT24H", "app.outbox.poll-interval", "PT0.1S"), clock);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    private void open(FakeUser admin, String periodKey, String deadline) {
        admin.sends("/moky");
        admin.awaitText("Chọn kỳ báo cáo", WAIT);
        admin.presses("okp|" + periodKey);
        admin.awaitText("Gửi hạn nộp", WAIT);
        admin.sends(deadline);
    }

    @Test
    void openRemindCloseAndKeepLastPeriodsValue() {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser clerk = Office.join(api, admin, "trung-tam-hcc", 2001, "Vàng Thị Một Cửa");
        FakeUser economist = Office.join(api, admin, "kinh-te", 2002, "Hà Thị Kinh");

        open(admin, "2026-H1", "30/6");
        admin.awaitText("Đã mở", WAIT);
        assertThat(clerk.awaitText("Văn phòng đã mở", WAIT).buttonData()).contains("rep|cchc");
        economist.awaitText("Văn phòng đã mở", WAIT);

        // A second period cannot be opened while one is open; a past deadline is refused.
        open(admin, "2026-H2", "31/12/2026");
        assertThat(admin.awaitNext(WAIT).text()).contains("đang mở");
        admin.sends("/moky");
        admin.awaitText("Chọn kỳ báo cáo", WAIT);
        admin.presses("okp|2026-H1");
        admin.awaitText("Gửi hạn nộp", WAIT);
        admin.sends("1/5/2026");
        assertThat(admin.awaitNext(WAIT).text()).contains("phải sau thời điểm hiện tại");
        admin.sends("ngày mai");
        assertThat(admin.awaitNext(WAIT).text()).contains("Không đọc được ngày");
        admin.sends("/huy");
        admin.awaitText("Đã hủy", WAIT);

        // The clerk answers up to the figure that rarely changes (procedures in force) and stops.
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        var flow = context.report().flow("trung-tam-hcc").orElseThrow();
        Question inForce = flow.questions().stream().filter(Question::keepPrevious).findFirst().orElseThrow();
        int position = flow.indexOf(inForce.id());
        FlowDriver driver = new FlowDriver(clerk, flow, q -> q.equals(inForce) ? "358" : "0");
        clerk.sends("/start");
        SentMessage at = driver.answerUntilReview(clerk.awaitText("Câu 1/", WAIT), position + 1);
        assertThat(at.text()).contains("Câu " + (position + 2) + "/");

        // The office reminds by hand; only the late departments are reminded.
        admin.sends("/nhacnho");
        admin.awaitText("Nhắc phòng nào", WAIT);
        admin.presses("rem|trung-tam-hcc");
        assertThat(admin.awaitText("Đã gửi nhắc nhở", WAIT).text()).contains("1 người");
        assertThat(clerk.awaitText("Nhắc nộp báo cáo", WAIT).text()).contains("Trung tâm Phục vụ hành chính công");

        // Closing tells the late members; answers are locked.
        admin.sends("/dongky");
        SentMessage ask = admin.awaitText("Đóng kỳ", WAIT);
        admin.presses(ask.buttonData().get(0));
        admin.awaitText("Đã đóng kỳ 6 tháng đầu năm 2026", WAIT);
        assertThat(clerk.awaitText("đã đóng", WAIT).text()).contains("chưa được nộp");
        clerk.sends("5");
        assertThat(clerk.awaitNext(WAIT).text()).contains("Kỳ báo cáo 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính) đã đóng, không thể trả lời thêm");

        // Next period: the figure that rarely changes is offered with last period's value.
        clock.set(ZonedDateTime.of(2026, 11, 20, 9, 0, 0, 0, HANOI));
        open(admin, "2026-H2", "15/12/2026 16:00");
        assertThat(admin.awaitText("Đã mở", WAIT).text()).contains("16:00 ngày 15/12/2026");
        clerk.awaitText("Văn phòng đã mở", WAIT);
        clerk.sends("/start");
        SentMessage question = clerk.awaitText("Câu 1/", WAIT);
        SentMessage offered = driver.answerUntilReview(question, position);
        assertThat(offered.text()).contains("Câu " + (position + 1) + "/");
        assertThat(offered.buttonTexts()).contains("↩️ Giữ như kỳ trước: 358 thủ tục");
        clerk.presses("prev|" + inForce.id());
        assertThat(clerk.awaitText("Câu " + (position + 2) + "/", WAIT).text()).contains("Đã lưu: 358");
    }
}
