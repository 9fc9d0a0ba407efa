package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.collection.Timeliness;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * {@link ApprovalDesk}, the one use case behind the chat's and the web's «Duyệt» / «Trả lại», without any channel: who
 * may decide (the head of that department in that commune; the office only once the department has no head), stale
 * decisions, the comment's rules, the office deciding in the chat from /tiendo, and the on-time record counting a part
 * from its approval.
 */
class ApprovalDeskTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path data;
    static BotProcess bot;
    static MutableClock clock;
    static ConversationEngine engine;
    static ApprovalDesk desk;
    static AccessService access;
    static DepartmentHeads heads;
    static CollectionService collection;
    static JdbcTemplate jdbc;
    static ReportScope scope;
    static ReportingPeriod period;
    static int delivery;

    @BeforeAll
    static void start() {
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 2, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        engine = bot.bean(ConversationEngine.class);
        desk = bot.bean(ApprovalDesk.class);
        access = bot.bean(AccessService.class);
        heads = bot.bean(DepartmentHeads.class);
        collection = bot.bean(CollectionService.class);
        jdbc = bot.bean(JdbcTemplate.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        period = bot.bean(PeriodService.class).currentPeriod(scope);
        Member admin = access.recognise(telegram(Office.ADMIN), "Lò Văn Phòng").orElseThrow();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2001), "Hà Thị Kinh");
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2002), "Lò Văn Trưởng");
        access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(2021), "Lù Thị Văn");
        access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(2022), "Giàng A Trưởng");
        heads.name(admin, member(2002).getId());
        heads.name(admin, member(2022).getId());
        // the head of the same department in another commune
        access.ensureOfficeAdmins("mau-thu", List.of(telegram(1301)));
        Member mauThu = member(1301);
        access.redeem(access.createInvite(mauThu, "kinh-te"), telegram(2031), "Sùng A Khác");
        heads.name(mauThu, member(2031).getId());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Member member(long user) {
        return access.find(telegram(user)).orElseThrow();
    }

    static List<Outbound> say(long user, String text) {
        return engine.handle(Inbound.text(telegram(user), "t" + ++delivery, null, text)).messages();
    }

    static List<Outbound> press(long user, String data) {
        return engine.handle(Inbound.button(telegram(user), "b" + ++delivery, null, data)).messages();
    }

    static String text(List<Outbound> messages) {
        return String.join("\n", messages.stream().map(Outbound::text).toList());
    }

    static List<Outbound> to(List<Outbound> messages, long user) {
        Recipient recipient = Recipient.member(member(user).getId());
        return messages.stream().filter(m -> m.to().equals(recipient)).toList();
    }

    static Submission handIn(String department, long user) {
        Flow flow = scope.report().flow(department).orElseThrow();
        for (Question question : flow.questions()) {
            AnswerValue value = question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ONE) : AnswerValue.ofText("05/01/2026");
            collection.save(period, question, value, member(user).getId(), collection.answer(period.getId(), question.id())
                    .map(a -> a.getVersion()).orElse(null), true);
        }
        List<Outbound> asked = say(user, "/nop");
        String confirm = asked.stream().flatMap(m -> m.buttons().stream()).flatMap(List::stream).map(Outbound.Button::data)
                .filter(d -> d.startsWith("subok|")).findFirst().orElseThrow();
        press(user, confirm);
        Submission submission = collection.submission(period.getId(), department).orElseThrow();
        assertThat(submission.awaitsApproval()).isTrue();
        return submission;
    }

    long events() {
        return jdbc.queryForObject("select count(*) from submission_event", Long.class);
    }

    @Test
    void theHeadDecidesOnlyTheirOwnDepartmentsPartAsItIsNowAndTheCommentIsRequired() {
        Submission part = handIn("kinh-te", 2001);
        ApprovalDesk.Waiting waiting = desk.waitingFor(member(2002)).get(0);
        assertThat(waiting.departmentName()).isEqualTo("Phòng Kinh tế");
        assertThat(waiting.summary()).hasSize(scope.report().flow("kinh-te").orElseThrow().size());
        assertThat(String.join("\n", waiting.summary())).contains("1. [").contains("2. [");
        assertThat(desk.waitingFor(member(2022))).as("another department's head sees nothing of it").isEmpty();
        assertThat(desk.waitingFor(member(2001))).isEmpty();

        long before = events();
        assertThat(desk.approve(member(2022), part.getId(), part.getVersion()).outcome()).isEqualTo(ApprovalDesk.Outcome.NOT_YOURS);
        assertThat(desk.approve(member(2001), part.getId(), part.getVersion()).outcome()).isEqualTo(ApprovalDesk.Outcome.NOT_YOURS);
        assertThat(desk.approve(member(2031), part.getId(), part.getVersion()).outcome()).as("another commune's head")
                .isEqualTo(ApprovalDesk.Outcome.NOT_YOURS);
        assertThat(desk.waitingFor(member(2031))).isEmpty();
        ApprovalDesk.Decision bypass = desk.approve(member(Office.ADMIN), part.getId(), part.getVersion());
        assertThat(bypass.outcome()).isEqualTo(ApprovalDesk.Outcome.HEAD_DECIDES);
        assertThat(bypass.said()).contains("do trưởng phòng Lò Văn Trưởng duyệt").contains("Không có gì thay đổi");
        assertThat(desk.approve(member(2002), part.getId(), part.getVersion() + 5).outcome()).isEqualTo(ApprovalDesk.Outcome.STALE);
        ApprovalDesk.Decision empty = desk.giveBack(member(2002), part.getId(), part.getVersion(), "   ");
        assertThat(empty.outcome()).isEqualTo(ApprovalDesk.Outcome.COMMENT_INVALID);
        assertThat(empty.said()).contains("Cần ghi ý kiến");
        assertThat(desk.giveBack(member(2002), part.getId(), part.getVersion(), "x".repeat(OfficeDesk.MAX_COMMENT + 1)).outcome())
                .isEqualTo(ApprovalDesk.Outcome.COMMENT_INVALID);
        assertThat(events()).as("no refusal changed anything").isEqualTo(before);
        assertThat(collection.submission(period.getId(), "kinh-te").orElseThrow().awaitsApproval()).isTrue();

        // The head returns it; the same page sent again (a second tab) is stale.
        ApprovalDesk.Decision returned = desk.giveBack(member(2002), part.getId(), part.getVersion(), "Kiểm tra lại số vốn.");
        assertThat(returned.outcome()).isEqualTo(ApprovalDesk.Outcome.RETURNED);
        assertThat(text(to(returned.notices(), 2001))).contains("trưởng phòng Lò Văn Trưởng trả lại").contains("Kiểm tra lại số vốn.");
        ApprovalDesk.Decision again = desk.approve(member(2002), part.getId(), part.getVersion());
        assertThat(again.outcome()).isEqualTo(ApprovalDesk.Outcome.STALE);
        assertThat(again.said()).contains("Không có gì thay đổi");
        assertThat(again.notices()).isEmpty();

        // Handed in again and approved: members and the office are told, as from the chat.
        Submission second = handIn("kinh-te", 2001);
        ApprovalDesk.Decision approved = desk.approve(member(2002), second.getId(), second.getVersion());
        assertThat(approved.outcome()).isEqualTo(ApprovalDesk.Outcome.APPROVED);
        assertThat(text(to(approved.notices(), 2001))).contains("đã được Lò Văn Trưởng duyệt");
        assertThat(text(to(approved.notices(), Office.ADMIN))).contains("Phòng Kinh tế đã nộp phần báo cáo");
        assertThat(desk.approve(member(2002), second.getId(), second.getVersion()).outcome()).isEqualTo(ApprovalDesk.Outcome.STALE);
        assertThat(jdbc.queryForObject("select member_id from submission_event where department_code = 'kinh-te' and event = 'APPROVED'",
                Long.class)).isEqualTo(member(2002).getId());
    }

    @Test
    void withItsHeadGoneTheOfficeApprovesOrReturnsTheWaitingPartItselfInTheChat() {
        Submission part = handIn("van-hoa-xa-hoi", 2021);
        // While the head exists, /tiendo offers the office nothing to decide, and a forged press is refused.
        assertThat(buttons(say(Office.ADMIN, "/tiendo"))).noneMatch(d -> d.startsWith("oapr|"));
        assertThat(text(press(Office.ADMIN, "oapr|van-hoa-xa-hoi"))).contains("do trưởng phòng Giàng A Trưởng duyệt");
        assertThat(text(press(Office.ADMIN, "hok|" + part.getId() + "-" + part.getVersion()))).contains("do trưởng phòng Giàng A Trưởng duyệt");
        assertThat(collection.submission(period.getId(), "van-hoa-xa-hoi").orElseThrow().awaitsApproval()).isTrue();

        // The head is removed while the part waits: the office sees the part's request from /tiendo and approves it.
        press(Office.ADMIN, "hdel|van-hoa-xa-hoi");
        List<Outbound> progress = say(Office.ADMIN, "/tiendo");
        assertThat(text(progress)).contains("Phòng Văn hóa - Xã hội: chờ trưởng phòng duyệt");
        assertThat(buttons(progress)).contains("oapr|van-hoa-xa-hoi");
        List<Outbound> request = press(Office.ADMIN, "oapr|van-hoa-xa-hoi");
        assertThat(text(request)).contains("Lù Thị Văn đã nộp phần của Phòng Văn hóa - Xã hội").contains("1. [");
        assertThat(desk.waitingFor(member(2022))).as("no longer head").isEmpty();
        String approve = buttons(request).stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow();
        List<Outbound> approved = press(Office.ADMIN, approve);
        assertThat(text(to(approved, Office.ADMIN))).contains("Đã duyệt phần của Phòng Văn hóa - Xã hội");
        assertThat(text(to(approved, 2021))).contains("đã được Lò Văn Phòng duyệt");
        assertThat(collection.isIn(period.getId(), "van-hoa-xa-hoi")).isTrue();
        assertThat(jdbc.queryForObject("select member_id from submission_event where department_code = 'van-hoa-xa-hoi' and event = 'APPROVED'",
                Long.class)).as("audited as done by the office").isEqualTo(member(Office.ADMIN).getId());
        assertThat(text(press(Office.ADMIN, approve))).contains("không còn dùng được");
    }

    static List<String> buttons(List<Outbound> messages) {
        return messages.stream().flatMap(m -> m.buttons().stream()).flatMap(List::stream).map(Outbound.Button::data).toList();
    }
}
