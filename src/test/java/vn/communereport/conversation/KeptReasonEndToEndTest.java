package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentDocument;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Through the Bot API stand-in: last half-year's 1.837 hồ sơ are closed; this half-year a member types 3.900, is shown
 * last period's value, keeps it, is refused a reason too short and a forged button, re-enters the value by typing it,
 * keeps it again with a reason; the review, the office's /lichsu and the draft's checks show the reason.
 */
@LongRunning
class KeptReasonEndToEndTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String REASON = "Tăng do tiếp nhận hồ sơ đất đai đợt cấp giấy chứng nhận";
    static final String FILES = "hcc-hs-tiep-nhan";
    /** The whole report is compiled on a machine shared with other builds: more time than a step of the chat. */
    static final Duration COMPILING = Duration.ofSeconds(120);

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 10, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of(), clock);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    /** From the review's list of questions, the number of files received (III.3.1). */
    static void edit(FakeUser member) {
        member.sends("/xem");
        member.awaitMessage(m -> m.buttonData().contains("edl|0"), WAIT);
        member.presses("edl|0");
        member.awaitMessage(m -> m.buttonData().contains("ed|" + FILES), WAIT);
        member.presses("ed|" + FILES);
        member.awaitText("(III.3.1)", WAIT);
    }

    @Test
    void anOutlierKeptWithAReasonIsShownToTheMemberAndTheOffice() throws Exception {
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        PeriodService periods = bot.bean(PeriodService.class);
        CollectionService collection = bot.bean(CollectionService.class);
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser lan = Office.join(api, admin, "trung-tam-hcc", 2001, "Lan");
        lan.awaitText("Câu 1/", WAIT);

        // The first half-year: 1.837 hồ sơ, then the period is closed.
        edit(lan);
        lan.sends("1.837");
        lan.awaitText("Đã lưu", WAIT);
        ReportingPeriod first = periods.currentPeriod(scope);
        assertThat(periods.close(first.getId())).isTrue();

        // The second half-year opens by itself when Lan starts.
        clock.set(ZonedDateTime.of(2026, 7, 6, 9, 0, 0, 0, HANOI));
        lan.sends("/start");
        lan.awaitText("Câu 1/", WAIT);
        ReportingPeriod second = periods.currentPeriod(scope);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        Question files = scope.report().question(FILES).orElseThrow();
        edit(lan);

        lan.sends("3.900");
        SentMessage warned = lan.awaitText("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", WAIT);
        assertThat(warned.buttonData()).contains("wy|" + FILES, "wn|" + FILES);
        lan.presses("wy|" + FILES);
        SentMessage asked = lan.awaitText("nêu lý do", WAIT);
        assertThat(asked.buttonData()).containsExactly("wn|" + FILES);

        lan.presses("wy|" + FILES); // the old dialog's button again: out of date
        lan.awaitText("đang chờ lý do", WAIT);
        lan.sends("ok");
        lan.awaitText("Lý do quá ngắn", WAIT);
        assertThat(collection.answer(second.getId(), files.id())).as("nothing stored without a reason").isEmpty();

        lan.sends("3900"); // a value, not a reason: read again as the figure
        lan.awaitText("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", WAIT);
        lan.presses("wy|" + FILES);
        lan.awaitText("nêu lý do", WAIT);
        lan.sends(REASON);
        lan.awaitText("Lý do giữ số liệu: " + REASON, WAIT); // in the part's review, which the head sees too
        assertThat(collection.answer(second.getId(), files.id()).orElseThrow().value().number()).isEqualByComparingTo("3900");
        assertThat(collection.history(second.getId(), files.id())).singleElement()
                .extracting(CollectionService.Change::reason).isEqualTo(REASON);

        // A reason is taken only where one is waited for: a forged spreadsheet confirmation asks for none.
        lan.pressesRaw(asked.messageId(), "xls|99-aaaaaaaaaaaaaaaa");
        lan.awaitText("Tệp chờ xác nhận không còn", WAIT);
        lan.sends("Lý do cho một tệp không có");
        lan.awaitText("Hãy dùng các nút bên dưới", WAIT); // the review waits for a button, not for a reason
        assertThat(collection.history(second.getId(), files.id())).hasSize(1);

        admin.sends("/lichsu III.3.1");
        SentMessage history = admin.awaitText("Lịch sử", WAIT);
        assertThat(history.text()).contains("3.900", "Lý do: " + REASON);

        admin.sends("/duthao");
        SentMessage checks = admin.awaitText("Kiểm tra số liệu", COMPILING);
        assertThat(checks.text()).contains("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", REASON);
        SentDocument docx = admin.awaitDocument(COMPILING);
        assertThat(docx.fileName()).endsWith(".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Biến động so với kỳ trước",
                    "Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", "Lý do giữ số liệu III.3.1: " + REASON);
        }
    }
}
