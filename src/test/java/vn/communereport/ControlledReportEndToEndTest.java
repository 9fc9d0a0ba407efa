package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.EntryLock;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentDocument;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * The report as a controlled process, whole, through the real bot and the Bot API stand-in with the clock moved: the
 * first half-year's window ends and the office opens the period with one tap; the one-stop centre's clerk hands the
 * part in; its head returns it with a comment; the clerk corrects a figure, keeps it despite a warning and gives the
 * reason; the head sees the reason and approves; the office is told every part is in; the deadline and its grace pass
 * and entry locks; the office compiles the report, whose checks carry the reason and whose table the corrected figure.
 */
class ControlledReportEndToEndTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CENTRE = "trung-tam-hcc";
    /** III.2.1, the procedures linked at the commune's level: more of them than procedures in force (III.1.4) is odd. */
    static final String LINKED = "hcc-lt-cung-cap";
    static final String COMMENT = "Số TTHC liên thông cùng cấp chưa khớp danh mục của tỉnh, đề nghị rà soát lại.";
    static final String REASON = "Danh mục mới của tỉnh thêm thủ tục liên thông, số có hiệu lực chưa cập nhật kịp";
    static final Duration COMPILING = Duration.ofSeconds(120);

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        // Friday 12 June 2026: two days before the first half-year's window (15/12/2025 – 14/6/2026) ends.
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
    void submittedReturnedCorrectedWithAReasonApprovedThenCompiledAfterTheLock() throws Exception {
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Map<String, String> seed = SeedReport.tableValues(scope.report());
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser clerk = Office.join(api, admin, CENTRE, 2101, "Vàng Thị Một Cửa");

        // The office invites the centre's head.
        admin.sends("/moi");
        admin.awaitText("Chọn phòng, ban", WAIT);
        admin.presses("invh|" + CENTRE);
        Matcher code = Pattern.compile("/start ([A-Z0-9]{10})").matcher(admin.awaitText("sẽ là trưởng phòng", WAIT).text());
        assertThat(code.find()).isTrue();
        FakeUser head = api.user(2102, "Lò Thị Giám Đốc");
        head.sends("/start " + code.group(1));
        head.awaitText("vai trò trưởng phòng", WAIT);

        // Monday 15 June, 08:00: the window ended yesterday; the office opens the period with one tap.
        clock.set(ZonedDateTime.of(2026, 6, 15, 8, 0, 0, 0, HANOI));
        SentMessage proposal = admin.awaitText("Đã hết khoảng chốt số liệu", WAIT);
        assertThat(proposal.buttonData()).containsExactly("okw|2026-H1-cchc");
        admin.presses("okw|2026-H1-cchc");
        assertThat(admin.awaitText("Đã mở kỳ", WAIT).text()).contains("hạn nộp 17:00 ngày 16/06/2026")
                .contains("đến 17:00 ngày 17/06/2026 thì tự khóa nhập");
        ReportingPeriod period = bot.bean(PeriodService.class).find("binh-lu", "cchc", new PeriodKey(Frequency.HALF_YEAR, 2026, 1))
                .orElseThrow();
        otherPartsIn(scope, period, admin);

        // The clerk answers the whole part and hands it in: it goes to the head and waits.
        Flow centre = scope.report().flow(CENTRE).orElseThrow();
        FlowDriver driver = new FlowDriver(clerk, centre, FlowDriver.fromTable(seed));
        clerk.sends("/start");
        SentMessage review = driver.answerUntilReview(driver.nextQuestionOrReview(), Integer.MAX_VALUE);
        assertThat(driver.questionIn(review)).as("the review, every question answered; the chat ended with:%n%s", transcript(clerk)).isNull();
        clerk.awaitMessage(m -> m.buttonData().contains("sub"), WAIT); // the review's last message, when it runs over several
        Office.submit(clerk);
        clerk.awaitText("gửi tới trưởng phòng Lò Thị Giám Đốc", WAIT);
        SentMessage request = head.awaitMessage(m -> m.buttonData().stream().anyMatch(d -> d.startsWith("hret|")), WAIT);
        admin.sends("/tiendo");
        assertThat(admin.awaitText("Tiến độ", WAIT).text()).contains("chờ trưởng phòng duyệt").contains("Đã nộp 3/4 phần");

        // The head returns it with a comment; the clerk is told with the comment.
        head.presses(request.buttonData().stream().filter(d -> d.startsWith("hret|")).findFirst().orElseThrow());
        head.awaitText("Gửi ý kiến", WAIT);
        head.sends(COMMENT);
        head.awaitText("Đã trả lại phần của", WAIT);
        assertThat(clerk.awaitText("trả lại để sửa", WAIT).text()).contains(COMMENT);

        // The clerk corrects III.2.1 to more than III.1.4: a warning; kept, it needs a reason, and nothing is stored before.
        String seedInForce = seed.getOrDefault("III.1.4", "").replace(".", "").replace(",", ".").strip();
        BigDecimal inForce = seedInForce.isEmpty() ? BigDecimal.ZERO : new BigDecimal(seedInForce);
        String corrected = inForce.add(BigDecimal.valueOf(5)).toPlainString();
        Question linked = centre.question(LINKED).orElseThrow();
        CollectionService collection = bot.bean(CollectionService.class);
        AnswerValue before = collection.answer(period.getId(), linked.id()).orElseThrow().value();
        clerk.sends("/xem");
        clerk.awaitMessage(m -> m.buttonData().contains("edl|0"), WAIT);
        clerk.presses("edl|0");
        clerk.awaitMessage(m -> m.buttonData().contains("ed|" + LINKED), WAIT);
        clerk.presses("ed|" + LINKED);
        clerk.awaitText("(III.2.1)", WAIT);
        clerk.sends(corrected);
        SentMessage warned = clerk.awaitMessage(m -> m.buttonData().contains("wy|" + LINKED), WAIT);
        assertThat(warned.text()).contains("III.2.1").contains("III.1.4");
        clerk.presses("wy|" + LINKED);
        clerk.awaitText("nêu lý do", WAIT);
        assertThat(collection.answer(period.getId(), linked.id()).orElseThrow().value().sameAs(before)).isTrue();
        clerk.sends(REASON);
        clerk.awaitText("Lý do giữ số liệu: " + REASON, WAIT);

        // Handed in again: the head's summary carries the reason; the old request's buttons are stale.
        clerk.sends("/xem");
        clerk.awaitMessage(m -> m.buttonData().contains("sub"), WAIT);
        Office.submit(clerk);
        SentMessage again = head.awaitMessage(m -> m.messageId() != request.messageId()
                && m.buttonData().stream().anyMatch(d -> d.startsWith("hok|")), WAIT);
        // (a long summary comes in several messages, the buttons under the last)
        assertThat(head.messages()).as("the summary the head is sent").anyMatch(m -> m.text().contains("Lý do giữ số liệu: " + REASON));
        head.pressesOn(request.messageId(), request.buttonData().stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow());
        head.awaitText("không còn dùng được", WAIT);

        // The head approves: it was the last part.
        head.presses(again.buttonData().stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow());
        head.awaitText("Đã duyệt phần của", WAIT);
        admin.awaitText("Đã nhận đủ tất cả các phần", WAIT);

        // Wednesday 17 June, 17:00: the deadline and its 24 hours of grace have passed; entry is locked.
        clock.set(ZonedDateTime.of(2026, 6, 17, 17, 0, 0, 0, HANOI));
        assertThat(bot.bean(EntryLock.class).lockedNow(period, CENTRE)).isTrue();
        clerk.sends("/start");
        assertThat(clerk.awaitText("Các câu trả lời đã khóa", WAIT).text()).contains("đã được nộp");

        // The office compiles the report: the corrected figure in the table, the reason next to the warning in the checks.
        admin.sends("/duthao");
        SentDocument docx = admin.awaitDocument(COMPILING);
        assertThat(docx.fileName()).endsWith(".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains(REASON).contains("III.2.1");
        }
        assertThat(collection.answer(period.getId(), linked.id()).orElseThrow().value().number()).isEqualByComparingTo(corrected);
        assertThat(collection.history(period.getId(), linked.id())).last()
                .extracting(CollectionService.Change::reason).isEqualTo(REASON);
    }

    /** The last messages the bot sent a person, to read when a step fails. */
    private static String transcript(FakeUser user) {
        List<SentMessage> messages = user.messages();
        return String.join("\n---\n", messages.subList(Math.max(0, messages.size() - 5), messages.size()).stream()
                .map(m -> m.text() + " " + m.buttonData()).toList());
    }

    /** The three other departments hand their parts in through the services (no head named: each counts as in). */
    private void otherPartsIn(ReportScope scope, ReportingPeriod period, FakeUser admin) {
        AccessService access = bot.bean(AccessService.class);
        CollectionService collection = bot.bean(CollectionService.class);
        Member office = access.find(new ChannelIdentity("telegram", String.valueOf(admin.id()), String.valueOf(admin.id()))).orElseThrow();
        long user = 3001;
        for (String department : List.of("van-phong", "kinh-te", "van-hoa-xa-hoi")) {
            Member member = access.redeem(access.createInvite(office, department),
                    new ChannelIdentity("telegram", String.valueOf(user), String.valueOf(user++)), "Cán bộ").member();
            Flow flow = scope.report().flow(department).orElseThrow();
            for (Question question : flow.questions()) {
                collection.save(period, question, question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ONE)
                        : AnswerValue.ofText("05/01/2026"), member.getId(), null, false);
            }
            assertThat(collection.submit(period, department, member.getId(), scope.owingDepartments()).submitted()).isTrue();
        }
    }
}
