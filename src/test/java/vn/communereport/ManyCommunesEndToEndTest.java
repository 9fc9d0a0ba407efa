package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.GeneratedCommunes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebSessions;

/**
 * Two communes and two reports in one running bot: Bình Lư's office opens the yearly report beside the six-monthly
 * one that opens by itself, Mẫu Thử's does not; members of both answer, each told which report and period, each
 * seeing only their own; a person in both communes acts for the one they chose, and forged buttons reach nothing.
 */
@LongRunning
class ManyCommunesEndToEndTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long BINH_LU_ADMIN = 1001;
    static final long MAU_THU_ADMIN = 1002;
    static final String YEAR = "năm 2026 (Báo cáo cải cách hành chính năm)";
    static final String HALF = "6 tháng đầu năm 2026 (Báo cáo cải cách hành chính)";

    @TempDir
    Path data;
    @TempDir
    Path definitions;

    FakeBotApi api;
    BotProcess bot;
    JdbcTemplate db;
    Flow economy;
    Map<String, String> figures;

    @BeforeEach
    void start() {
        Path conversations = GeneratedCommunes.copyOfShipped(definitions.resolve("conversations"),
                Map.of("communes/mau-thu.yaml", Map.of("office_admins: []", "office_admins: [" + MAU_THU_ADMIN + "]")));
        api = FakeBotApi.start(BotProcess.TOKEN);
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, HANOI));
        // OFFICE_ADMIN_IDS still names the administrators of the one commune whose file names none (Bình Lư).
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(BINH_LU_ADMIN),
                Map.of("app.conversations-dir", conversations.toString()), clock);
        db = bot.bean(JdbcTemplate.class);
        ReportDefinition cchc = DefinitionFiles.load(conversations).report("cchc").orElseThrow();
        economy = cchc.flow("kinh-te").orElseThrow();
        figures = SeedReport.tableValues(cchc);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void membersOfTwoCommunesAndTwoReportsAnswerEachSeeingOnlyTheirs() {
        // Bình Lư's office picks the yearly report and opens it; the six-monthly one is open by itself.
        FakeUser binhLu = api.user(BINH_LU_ADMIN, "Lò Văn Phòng");
        binhLu.sends("/baocao");
        SentMessage reports = binhLu.awaitText("Chọn báo cáo khác", WAIT);
        assertThat(reports.buttonData()).containsExactly("rep|cchc", "rep|cchc-nam");
        binhLu.presses("rep|cchc-nam");
        binhLu.awaitText("Từ giờ bạn làm báo cáo: Báo cáo cải cách hành chính năm", WAIT);
        binhLu.sends("/moky");
        SentMessage periods = binhLu.awaitText("Chọn kỳ báo cáo cần mở cho Báo cáo cải cách hành chính năm", WAIT);
        assertThat(periods.buttonData()).contains("okp|2026-Y").noneMatch(d -> d.contains("-H"));
        binhLu.presses("okp|2026-Y");
        assertThat(binhLu.awaitText("Gửi hạn nộp", WAIT).text()).contains(YEAR);
        binhLu.sends("15/12/2026");
        binhLu.awaitText("Đã mở Báo cáo cải cách hành chính năm kỳ năm 2026", WAIT);

        // Bình Lư's economist: two reports are open for the department, so they are asked which; they answer the year's.
        FakeUser economist = Office.join(api, binhLu, "kinh-te", 2001, "Hà Thị Kinh");
        SentMessage which = economist.awaitText("Bạn muốn trả lời báo cáo nào", WAIT);
        assertThat(which.buttonData()).containsExactlyInAnyOrder("rep|cchc", "rep|cchc-nam");
        economist.sends("/xem");
        assertThat(economist.awaitNext(WAIT).text()).contains("Bạn muốn trả lời báo cáo nào");
        economist.pressesRaw(which.messageId(), "rep|tu-phap"); // forged: no such report of theirs
        assertThat(economist.awaitNext(WAIT).text()).contains("không phải của bạn hoặc không còn mở");
        // The web form acts in the same scope: with the choice still open it is not made for them.
        SignedIn web = WebSessions.signIn(bot, 2001);
        HttpResponse<String> undecided = form(web);
        assertThat(undecided.statusCode()).isEqualTo(409);
        assertThat(undecided.body()).contains("/baocao");
        economist.presses("rep|cchc-nam");
        FlowDriver yearly = new FlowDriver(economist, economy, FlowDriver.fromTable(figures));
        SentMessage first = yearly.nextQuestionOrReview();
        assertThat(first.text()).contains("🗂 " + YEAR).contains("Câu 1/" + economy.size());
        yearly.answerUntilReview(first, Integer.MAX_VALUE);
        assertThat(Office.submit(economist).text()).contains("Đã nộp phần của Phòng Kinh tế kỳ " + YEAR);
        HttpResponse<String> decided = form(web);
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("năm 2026").doesNotContain("6 tháng đầu năm 2026");
        assertThat(binhLu.awaitText("Phòng Kinh tế đã nộp phần báo cáo", WAIT).text()).contains("1/4").contains(YEAR);

        // Mẫu Thử's office (named in its own file) has only the six-monthly report open: nobody is asked to choose.
        FakeUser mauThu = api.user(MAU_THU_ADMIN, "Văn Thị Mẫu");
        mauThu.sends("/start");
        assertThat(mauThu.awaitText("quản trị", WAIT).text()).contains("Xã Mẫu Thử");
        FakeUser builder = api.user(3001, "Đinh Văn Dựng");
        builder.sends(Office.inviteCode(mauThu, "kinh-te"));
        assertThat(builder.awaitText("Bạn đã tham gia", WAIT).text()).contains("Phòng Kinh tế - Hạ tầng và Đô thị").contains("Xã Mẫu Thử");
        FlowDriver halfYear = new FlowDriver(builder, economy, FlowDriver.fromTable(figures));
        SentMessage firstHalf = halfYear.nextQuestionOrReview();
        assertThat(firstHalf.text()).contains("🗂 " + HALF);
        halfYear.answerUntilReview(firstHalf, Integer.MAX_VALUE);
        assertThat(Office.submit(builder).text()).contains("Phòng Kinh tế - Hạ tầng và Đô thị kỳ " + HALF);
        mauThu.awaitText("đã nộp phần báo cáo", WAIT);

        // Each office sees its own commune, report and period only.
        binhLu.sends("/tiendo");
        SentMessage binhLuProgress = binhLu.awaitText("📊", WAIT);
        assertThat(binhLuProgress.text()).contains("năm 2026").contains("✅ Phòng Kinh tế: đã nộp").doesNotContain("Hạ tầng");
        mauThu.sends("/tiendo");
        SentMessage mauThuProgress = mauThu.awaitText("📊", WAIT);
        assertThat(mauThuProgress.text()).contains("6 tháng đầu năm 2026").contains("✅ Phòng Kinh tế - Hạ tầng và Đô thị: đã nộp")
                .doesNotContain("Bình Lư");
        // Bình Lư's six-monthly report is untouched by what its economist answered for the year.
        binhLu.sends("/baocao");
        binhLu.awaitText("Chọn báo cáo khác", WAIT);
        binhLu.presses("rep|cchc");
        binhLu.awaitText("Từ giờ bạn làm báo cáo: Báo cáo cải cách hành chính.", WAIT);
        binhLu.sends("/tiendo");
        assertThat(binhLu.awaitText("📊", WAIT).text()).contains("6 tháng đầu năm 2026").contains("⏳ Phòng Kinh tế: chưa bắt đầu");
        assertThat(answers("binh-lu", "cchc-nam", "2026-Y")).isEqualTo(economy.size());
        assertThat(answers("mau-thu", "cchc", "2026-H1")).isEqualTo(economy.size());
        assertThat(answers("binh-lu", "cchc", "2026-H1")).isZero();
        assertThat(db.queryForObject("select count(*) from reporting_period where commune_code = 'mau-thu' and report_code = 'cchc-nam' "
                + "and status = 'OPEN'", Integer.class)).isZero();
    }

    @Test
    void aPersonInTwoCommunesActsForTheOneTheyChoseAndForgedButtonsReachNothing() {
        FakeUser binhLu = api.user(BINH_LU_ADMIN, "Lò Văn Phòng");
        FakeUser mauThu = api.user(MAU_THU_ADMIN, "Văn Thị Mẫu");
        FakeUser lan = Office.join(api, binhLu, "kinh-te", 2001, "Lường Thị Lan");
        lan.awaitText("Câu 1/" + economy.size(), WAIT);
        FakeUser other = Office.join(api, mauThu, "kinh-te", 3001, "Đinh Văn Dựng");
        other.awaitText("Câu 1/", WAIT);
        long othersMembership = membership(3001, "mau-thu");

        // Lan joins Mẫu Thử's culture department too: a second membership, which she acts for from now on.
        // (While a question waits for a number, a code is sent with /start, as the invite link does.)
        lan.sends("/start " + Office.inviteCode(mauThu, "van-hoa-xa-hoi"));
        assertThat(lan.awaitText("Bạn đã tham gia thêm", WAIT).text()).contains("Phòng Văn hóa, Xã hội và Y tế – Xã Mẫu Thử");
        lan.sends("/start");
        SentMessage culture = lan.awaitText("Câu 1/", WAIT);
        assertThat(culture.text()).contains(HALF).doesNotContain("Câu 1/" + economy.size());
        long binhLuMembership = membership(2001, "binh-lu");
        long mauThuMembership = membership(2001, "mau-thu");

        // /donvi lists her two memberships; a button with someone else's membership changes nothing.
        lan.sends("/donvi");
        SentMessage mine = lan.awaitText("Bạn đang làm việc cho: Phòng Văn hóa, Xã hội và Y tế – Xã Mẫu Thử", WAIT);
        assertThat(mine.buttonData()).containsExactly("mem|" + binhLuMembership, "mem|" + mauThuMembership);
        lan.pressesRaw(mine.messageId(), "mem|" + othersMembership);
        assertThat(lan.awaitNext(WAIT).text()).contains("Nút này không phải của bạn");
        lan.sends("/start");
        assertThat(lan.awaitText("Câu", WAIT).text()).doesNotContain("Câu 1/" + economy.size());
        lan.presses("mem|" + binhLuMembership);
        lan.awaitText("Từ giờ bạn làm việc cho: Phòng Kinh tế – Xã Bình Lư", WAIT);
        lan.sends("/start");
        assertThat(lan.awaitText("Câu 1/", WAIT).text()).contains("Câu 1/" + economy.size());

        // With no choice kept (as after her second membership came by another way), nothing is done before she chooses.
        db.update("delete from acting_membership");
        lan.sends("/xem");
        SentMessage ask = lan.awaitNext(WAIT);
        assertThat(ask.text()).contains("Bạn là thành viên của nhiều đơn vị");
        assertThat(ask.buttonData()).containsExactly("mem|" + binhLuMembership, "mem|" + mauThuMembership);
        lan.pressesRaw(ask.messageId(), "mem|" + othersMembership);
        assertThat(lan.awaitNext(WAIT).text()).contains("Nút này không phải của bạn");
        lan.sends("12");
        assertThat(lan.awaitNext(WAIT).text()).contains("Bạn là thành viên của nhiều đơn vị");
        lan.expectNoMessage(Duration.ofMillis(300));
        assertThat(db.queryForObject("select count(*) from answer", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from acting_membership", Integer.class)).isZero();
        lan.presses("mem|" + mauThuMembership);
        lan.awaitText("Từ giờ bạn làm việc cho: Phòng Văn hóa, Xã hội và Y tế – Xã Mẫu Thử", WAIT);
        assertThat(db.queryForObject("select member_id from acting_membership", Long.class)).isEqualTo(mauThuMembership);
    }

    @Test
    void aButtonLeftUnderTheOtherReportsQuestionDoesNothingInThisOne() {
        FakeUser binhLu = api.user(BINH_LU_ADMIN, "Lò Văn Phòng");
        binhLu.sends("/baocao");
        binhLu.awaitText("Chọn báo cáo khác", WAIT);
        binhLu.presses("rep|cchc-nam");
        binhLu.awaitText("Từ giờ bạn làm báo cáo", WAIT);
        binhLu.sends("/moky");
        binhLu.awaitText("Chọn kỳ báo cáo cần mở", WAIT);
        binhLu.presses("okp|2026-Y");
        binhLu.awaitText("Gửi hạn nộp", WAIT);
        binhLu.sends("15/12/2026");
        binhLu.awaitText("Đã mở Báo cáo cải cách hành chính năm", WAIT);

        // The economist answers the six-monthly report's first question and is shown its second ...
        FakeUser economist = Office.join(api, binhLu, "kinh-te", 2001, "Hà Thị Kinh");
        economist.awaitText("Bạn muốn trả lời báo cáo nào", WAIT);
        economist.presses("rep|cchc");
        FlowDriver halfYear = new FlowDriver(economist, economy, FlowDriver.fromTable(figures));
        SentMessage halfSecond = halfYear.answer(halfYear.nextQuestionOrReview());
        String second = economy.questions().get(1).id();
        assertThat(halfSecond.text()).contains("🗂 " + HALF).contains("Câu 2/");
        assertThat(halfSecond.buttonData()).contains("b|" + second);
        // ... then turns to the yearly report, which shares the questions, and reaches the same second question there.
        economist.sends("/baocao");
        economist.awaitText("Chọn báo cáo khác", WAIT);
        economist.presses("rep|cchc-nam");
        FlowDriver yearly = new FlowDriver(economist, economy, FlowDriver.fromTable(figures));
        SentMessage yearSecond = yearly.answer(yearly.nextQuestionOrReview());
        assertThat(yearSecond.text()).contains("🗂 " + YEAR).contains("Câu 2/");

        // "Back" under the six-monthly report's message is out of date for the yearly one: the person stays where they are.
        economist.pressesOn(halfSecond.messageId(), "b|" + second);
        await().atMost(WAIT).untilAsserted(() -> assertThat(economist.callbackAnswers())
                .anyMatch(a -> a.messageId() == halfSecond.messageId() && a.text() != null && a.text().contains("màn hình cũ")));
        assertThat(economist.awaitNext(WAIT).text()).contains("🗂 " + YEAR).contains("Câu 2/");
        // The same button under the yearly report's own message works.
        economist.pressesOn(yearSecond.messageId(), "b|" + second);
        assertThat(economist.awaitNext(WAIT).text()).contains("🗂 " + YEAR).contains("Câu 1/");
        assertThat(answers("binh-lu", "cchc", "2026-H1")).isEqualTo(1);
        assertThat(answers("binh-lu", "cchc-nam", "2026-Y")).isEqualTo(1);
    }

    private HttpResponse<String> form(SignedIn session) {
        return WebSessions.send(HttpRequest.newBuilder(URI.create(WebSessions.baseUrl(bot) + "/app/form"))
                .header("Cookie", SignedIn.COOKIE + "=" + session.sessionToken()).GET().build());
    }

    private int answers(String commune, String report, String period) {
        return db.queryForObject("select count(*) from answer a join reporting_period p on p.id = a.period_id "
                + "where p.commune_code = ? and p.report_code = ? and p.period_key = ?", Integer.class, commune, report, period);
    }

    private long membership(long telegramId, String commune) {
        return db.queryForObject("select m.id from member m join member_identity i on i.member_id = m.id "
                + "where i.channel = 'telegram' and i.user_ref = ? and m.commune_code = ?", Long.class, String.valueOf(telegramId), commune);
    }
}
