package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Frequency;
import vn.communereport.messaging.Outbound;
import vn.communereport.reminder.PeriodProposals;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * The use cases of cut-off windows through the conversation's front door, without Telegram: the proposal when a window
 * ends (once), the tap that opens the period (once; forged, stale and others' taps change nothing), and /nhapmuon with
 * every refusal. The clock is moved; the steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowsChatTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final PeriodKey H1 = new PeriodKey(Frequency.HALF_YEAR, 2026, 1);
    static final AtomicInteger DELIVERY = new AtomicInteger();

    @TempDir
    static Path data;
    static BotProcess bot;
    static MutableClock clock;
    static ConversationEngine engine;
    static PeriodProposals proposals;
    static PeriodService periods;
    static JdbcTemplate jdbc;
    static Member economist;

    @BeforeAll
    static void start() {
        // Sunday 14 June 2026, the last day of the first half-year's window.
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 14, 20, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        engine = bot.bean(ConversationEngine.class);
        proposals = bot.bean(PeriodProposals.class);
        periods = bot.bean(PeriodService.class);
        jdbc = bot.bean(JdbcTemplate.class);
        AccessService access = bot.bean(AccessService.class);
        Member admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        economist = access.redeem(access.createInvite(admin, "kinh-te"), telegram(3001), "Kinh").member();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static List<String> say(long who, String text) {
        Reply reply = engine.handle(Inbound.text(telegram(who), "d" + DELIVERY.incrementAndGet(), "Người " + who, text));
        return reply.messages().stream().map(Outbound::text).toList();
    }

    static List<String> press(long who, String data) {
        Reply reply = engine.handle(Inbound.button(telegram(who), "d" + DELIVERY.incrementAndGet(), "Người " + who, data));
        return reply.messages().stream().map(Outbound::text).toList();
    }

    static ReportingPeriod h1() {
        return periods.find("binh-lu", "cchc", H1).orElseThrow();
    }

    static long proposalMessages() {
        return jdbc.queryForObject("select count(*) from outbox_message where text like '%Đã hết khoảng chốt số liệu%'", Long.class);
    }

    @Test
    @Order(1)
    void theOfficeIsProposedThePeriodOnceTheMorningAfterItsWindowEnds() {
        assertThat(proposals.queueDue()).as("the window's last day").isZero();
        clock.set(ZonedDateTime.of(2026, 6, 15, 7, 59, 0, 0, HANOI));
        assertThat(proposals.queueDue()).as("before the working morning").isZero();
        clock.set(ZonedDateTime.of(2026, 6, 15, 8, 0, 0, 0, HANOI));
        // Only the six-monthly report: the yearly one's last window (to 14/12/2025) is long past its deadline.
        assertThat(proposals.queueDue()).isEqualTo(1);
        assertThat(proposals.queueDue()).as("each proposal once").isZero();
        String text = jdbc.queryForObject("select text from outbox_message where text like '%Đã hết khoảng chốt%'", String.class);
        assertThat(text).contains("kỳ 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính): từ ngày 15/12/2025 đến ngày 14/06/2026")
                .contains("hạn nộp 17:00 ngày 16/06/2026 (2 ngày làm việc sau ngày chốt)")
                .contains("còn 24 giờ gia hạn, đến 17:00 ngày 17/06/2026 thì tự khóa nhập");
        String buttons = jdbc.queryForObject("select buttons from outbox_message where text like '%Đã hết khoảng chốt%'", String.class);
        assertThat(buttons).contains("okw|2026-H1-cchc").contains("Mở kỳ 6 tháng đầu năm 2026");
    }

    @Test
    @Order(2)
    void aForgedButtonOrAMembersTapChangesNothing() {
        assertThat(press(Office.ADMIN, "okw|2026-H2-cchc")).anyMatch(t -> t.contains("không phải đề nghị mở kỳ nào"));
        assertThat(press(Office.ADMIN, "okw|2026-H1-khong-co")).anyMatch(t -> t.contains("không phải đề nghị mở kỳ nào"));
        assertThat(press(Office.ADMIN, "okw|20x6")).anyMatch(t -> t.contains("không phải đề nghị mở kỳ nào"));
        assertThat(press(3001, "okw|2026-H1-cchc")).anyMatch(t -> t.contains("chỉ dành cho Văn phòng"));
        assertThat(periods.find("binh-lu", "cchc", H1).map(ReportingPeriod::getDeadline)).isEmpty();
        assertThat(periods.find("binh-lu", "cchc", H1.next())).isEmpty();
    }

    @Test
    @Order(3)
    void oneTapOpensItWithTheDeadlineOfTheDefinitionAndASecondChangesNothing() {
        clock.set(ZonedDateTime.of(2026, 6, 15, 9, 30, 0, 0, HANOI));
        List<String> opened = press(Office.ADMIN, "okw|2026-H1-cchc");
        assertThat(opened).anyMatch(t -> t.contains("Đã mở kỳ 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính), hạn nộp 17:00 ngày 16/06/2026")
                && t.contains("đến 17:00 ngày 17/06/2026 thì tự khóa nhập"));
        assertThat(opened).anyMatch(t -> t.contains("Văn phòng đã mở") && t.contains("Phần của Phòng Kinh tế"));
        assertThat(h1().isOpen()).isTrue();
        assertThat(h1().getDeadline()).isEqualTo(ZonedDateTime.of(2026, 6, 16, 17, 0, 0, 0, HANOI).toInstant());

        assertThat(press(Office.ADMIN, "okw|2026-H1-cchc")).anyMatch(t -> t.contains("đã được mở trước đó (hạn nộp 17:00 ngày 16/06/2026)"));
        assertThat(jdbc.queryForObject("select count(*) from submission_event where event = 'PERIOD_OPENED' and period_id = ?",
                Long.class, h1().getId())).isEqualTo(1L);
    }

    @Test
    @Order(4)
    void aLateEntryIsAskedForgivinglyRefusedClearlyAndGrantedToOneDepartment() {
        clock.set(ZonedDateTime.of(2026, 6, 18, 9, 0, 0, 0, HANOI));
        assertThat(say(3001, "/nhapmuon")).containsExactly("Chức năng này chỉ dành cho Văn phòng HĐND và UBND.");
        assertThat(press(Office.ADMIN, "late|khong-co")).anyMatch(t -> t.contains("Không có phòng này"));
        List<String> choose = say(Office.ADMIN, "/nhapmuon");
        assertThat(choose).anyMatch(t -> t.contains("Cho phòng nào nhập muộn kỳ 6 tháng đầu năm 2026") && t.contains("17:00 ngày 17/06/2026"));
        assertThat(press(Office.ADMIN, "late|kinh-te")).anyMatch(t -> t.contains("Cho Phòng Kinh tế nhập muộn") && t.contains("tối đa 10 ngày"));
        assertThat(say(Office.ADMIN, "ngày mai nhé")).anyMatch(t -> t.contains("Không đọc được ngày"));
        assertThat(say(Office.ADMIN, "16/6")).anyMatch(t -> t.contains("không muộn hơn lúc kỳ khóa nhập (17:00 ngày 17/06/2026)"));
        assertThat(say(Office.ADMIN, "28/6")).anyMatch(t -> t.contains("tối đa 10 ngày") && t.contains("đến hết ngày 27/06/2026"));
        assertThat(jdbc.queryForObject("select count(*) from late_entry_exception", Long.class)).isZero();

        List<String> granted = say(Office.ADMIN, "đến hết 19/6");
        assertThat(granted).anyMatch(t -> t.contains("Đã cho Phòng Kinh tế nhập muộn kỳ 6 tháng đầu năm 2026") && t.contains("19/06/2026"));
        assertThat(granted).anyMatch(t -> t.contains("cho phép Phòng Kinh tế nhập muộn") && t.contains("đến hết ngày 19/06/2026"));
        assertThat(jdbc.queryForObject("select count(*) from submission_event where event = 'LATE_ENTRY_GRANTED'", Long.class)).isEqualTo(1L);
        // «3 ngày» is three days from today; granted again, the day moves.
        press(Office.ADMIN, "late|kinh-te");
        assertThat(say(Office.ADMIN, "3 ngày")).anyMatch(t -> t.contains("đến hết ngày 21/06/2026"));
    }

    @Test
    @Order(5)
    void aStaleProposalOrOneWhileAnotherPeriodIsOpenChangesNothing() {
        clock.set(ZonedDateTime.of(2026, 12, 15, 8, 0, 0, 0, HANOI));
        // The second half-year and the year end on 14/12: both proposed.
        assertThat(proposals.queueDue()).isEqualTo(2);
        assertThat(press(Office.ADMIN, "okw|2026-H2-cchc")).anyMatch(t -> t.contains("Kỳ 6 tháng đầu năm 2026 (Báo cáo cải cách hành chính) đang mở"));
        assertThat(periods.find("binh-lu", "cchc", H1.next()).map(ReportingPeriod::getDeadline)).isEmpty();
        clock.set(ZonedDateTime.of(2026, 12, 16, 17, 0, 0, 0, HANOI));
        assertThat(press(Office.ADMIN, "okw|2026-H2-cchc")).anyMatch(t -> t.contains("Đề nghị này đã cũ: hạn nộp 17:00 ngày 16/12/2026"));
        assertThat(periods.find("binh-lu", "cchc", H1.next()).map(ReportingPeriod::getDeadline)).isEmpty();
        assertThat(proposalMessages()).isEqualTo(3);
    }
}
