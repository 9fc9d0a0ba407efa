package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
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
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.report.ReportCompiler;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * The department head approves first, through the conversation alone (no Telegram): heads named by the office and by
 * an invite, a part sent to its head, returned with a comment, submitted again, approved; forged and stale buttons; a
 * department with no head; the head's own part, which the office approves.
 */
class HeadApprovalTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path data;
    static BotProcess bot;
    static ConversationEngine engine;
    static AccessService access;
    static DepartmentHeads heads;
    static CollectionService collection;
    static JdbcTemplate jdbc;
    static ReportScope scope;
    static ReportingPeriod period;
    static int delivery;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 2, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        engine = bot.bean(ConversationEngine.class);
        access = bot.bean(AccessService.class);
        heads = bot.bean(DepartmentHeads.class);
        collection = bot.bean(CollectionService.class);
        jdbc = bot.bean(JdbcTemplate.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        period = bot.bean(PeriodService.class).currentPeriod(scope);
        Member admin = access.recognise(telegram(Office.ADMIN), "Lò Văn Phòng").orElseThrow();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2001), "Hà Thị Kinh");
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2002), "Lò Văn Trưởng");
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2003), "Tao Văn Ba");
        access.redeem(access.createInvite(admin, "van-phong"), telegram(2011), "Vàng Văn Phòng");
        access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(2021), "Lù Thị Văn");
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

    static List<Outbound> to(List<Outbound> messages, long user) {
        Recipient recipient = Recipient.member(member(user).getId());
        return messages.stream().filter(m -> m.to().equals(recipient)).toList();
    }

    static String text(List<Outbound> messages) {
        return String.join("\n", messages.stream().map(Outbound::text).toList());
    }

    static String button(List<Outbound> messages, String prefix) {
        return messages.stream().flatMap(m -> m.buttons().stream()).flatMap(List::stream).map(Outbound.Button::data)
                .filter(d -> d != null && d.startsWith(prefix)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(prefix));
    }

    /** Every question of the department answered, stored as a member would (the rules are not this test's concern). */
    static void answerAll(String department, long user) {
        Flow flow = scope.report().flow(department).orElseThrow();
        for (Question question : flow.questions()) {
            AnswerValue value = question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ONE) : AnswerValue.ofText("05/01/2026");
            collection.save(period, question, value, member(user).getId(), collection.answer(period.getId(), question.id())
                    .map(a -> a.getVersion()).orElse(null), true);
        }
    }

    /** /nop and its confirmation; returns everything the confirmation said, to whomever. */
    static List<Outbound> submit(long user) {
        List<Outbound> asked = say(user, "/nop");
        return press(user, button(asked, "subok|"));
    }

    static DepartmentProgress.State state(String department) {
        return collection.progress(period, scope.flows()).stream().filter(p -> p.departmentCode().equals(department))
                .findFirst().orElseThrow().state();
    }

    @Test
    void theHeadReturnsAPartWithACommentThenApprovesItAsSubmittedAgain() {
        // The office names the head from /truongphong; the head is told and the naming is audited.
        List<Outbound> list = say(Office.ADMIN, "/truongphong");
        assertThat(text(list)).contains("Phòng Kinh tế: chưa có trưởng phòng");
        List<Outbound> named = press(Office.ADMIN, "hname|" + member(2002).getId());
        assertThat(text(to(named, Office.ADMIN))).contains("Đã cử Lò Văn Trưởng làm trưởng phòng của Phòng Kinh tế");
        assertThat(text(to(named, 2002))).contains("cử bạn làm trưởng phòng");
        assertThat(heads.isHead(member(2002))).isTrue();
        assertThat(text(say(Office.ADMIN, "/thanhvien"))).contains("Lò Văn Trưởng (trưởng phòng)");
        // Only the office names heads.
        assertThat(text(press(2001, "hname|" + member(2001).getId()))).contains("chỉ dành cho Văn phòng");
        assertThat(heads.isHead(member(2001))).isFalse();

        // A member submits: the part is locked, goes to the head with its summary, and does not count as in.
        answerAll("kinh-te", 2001);
        List<Outbound> submitted = submit(2001);
        assertThat(text(to(submitted, 2001))).contains("Đã nộp phần của Phòng Kinh tế").contains("gửi tới trưởng phòng Lò Văn Trưởng");
        List<Outbound> request = to(submitted, 2002);
        assertThat(text(request)).contains("Hà Thị Kinh đã nộp phần của Phòng Kinh tế").contains("1. [");
        String approve = button(request, "hok|");
        String giveBack = button(request, "hret|");
        assertThat(to(submitted, Office.ADMIN)).as("the office is told once the head approves").isEmpty();
        assertThat(state("kinh-te")).isEqualTo(DepartmentProgress.State.AWAITING_APPROVAL);
        assertThat(collection.isIn(period.getId(), "kinh-te")).isFalse();
        assertThat(collection.isSubmitted(period.getId(), "kinh-te")).as("locked meanwhile").isTrue();
        assertThat(text(say(Office.ADMIN, "/tiendo"))).contains("Phòng Kinh tế: chờ trưởng phòng duyệt");
        assertThat(bot.bean(ReportCompiler.class).compile(period, java.time.LocalDate.of(2026, 6, 2)).missing())
                .anyMatch(p -> p.departmentCode().equals("kinh-te") && !p.submitted());

        // Forged or not theirs: a colleague, the submitter, another department's member, a made-up submission.
        assertThat(text(press(2003, approve))).contains("không phải người duyệt phần này");
        assertThat(text(press(2011, approve))).contains("không phải người duyệt phần này");
        assertThat(text(press(2001, approve))).contains("không phải người duyệt phần này");
        assertThat(text(press(2002, "hok|999999-0"))).contains("không phải người duyệt phần này");
        assertThat(text(press(2002, "hok|" + approve.substring(4).split("-")[0] + "-77"))).contains("không còn dùng được");
        assertThat(state("kinh-te")).isEqualTo(DepartmentProgress.State.AWAITING_APPROVAL);

        // Returned with a comment: one short question, then every other member is told with the comment.
        assertThat(text(press(2002, giveBack))).contains("Gửi ý kiến");
        assertThat(text(say(2002, " "))).contains("cần có nội dung");
        List<Outbound> returned = say(2002, "Số vốn giải ngân chưa khớp Kho bạc, đề nghị kiểm tra lại.");
        assertThat(text(to(returned, 2002))).contains("Đã trả lại phần của Phòng Kinh tế");
        for (long colleague : new long[] {2001, 2003}) {
            assertThat(text(to(returned, colleague))).contains("trả lại để sửa").contains("Số vốn giải ngân chưa khớp Kho bạc");
        }
        assertThat(to(returned, 2011)).as("only the department's members").isEmpty();
        assertThat(state("kinh-te")).isEqualTo(DepartmentProgress.State.REOPENED);
        assertThat(collection.isSubmitted(period.getId(), "kinh-te")).as("reopened for its members").isFalse();
        assertThat(text(press(2002, approve))).as("returned: the old button is stale").contains("không còn dùng được");

        // Submitted again: the old buttons stay stale; the new request's «Duyệt» counts the part in; the office is told.
        List<Outbound> again = submit(2003);
        assertThat(text(press(2002, giveBack))).contains("không còn dùng được");
        List<Outbound> approved = press(2002, button(to(again, 2002), "hok|"));
        assertThat(text(to(approved, 2002))).contains("Đã duyệt phần của Phòng Kinh tế");
        assertThat(text(to(approved, 2001))).contains("đã được Lò Văn Trưởng duyệt");
        assertThat(text(to(approved, Office.ADMIN))).contains("Phòng Kinh tế đã nộp phần báo cáo (Tao Văn Ba)");
        assertThat(collection.isIn(period.getId(), "kinh-te")).isTrue();
        assertThat(text(press(2002, button(to(again, 2002), "hok|")))).as("approved: stale").contains("không còn dùng được");

        assertThat(jdbc.queryForList("select event from submission_event where period_id = ? and department_code = 'kinh-te' order by id",
                String.class, period.getId())).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");
        assertThat(jdbc.queryForObject("select comment from submission_event where event = 'RETURNED'", String.class))
                .contains("chưa khớp Kho bạc");
        assertThat(jdbc.queryForList("select event from department_head_event where department_code = 'kinh-te' order by id",
                String.class)).containsExactly("HEAD_NAMED");
    }

    @Test
    void aDepartmentWithNoHeadHandsItsPartInAsBefore() {
        answerAll("van-hoa-xa-hoi", 2021);
        List<Outbound> submitted = submit(2021);
        assertThat(text(to(submitted, 2021))).contains("Đã nộp phần").doesNotContain("trưởng phòng");
        assertThat(text(to(submitted, Office.ADMIN))).contains("Phòng Văn hóa - Xã hội đã nộp phần báo cáo");
        assertThat(state("van-hoa-xa-hoi")).isEqualTo(DepartmentProgress.State.SUBMITTED);
        assertThat(collection.isIn(period.getId(), "van-hoa-xa-hoi")).isTrue();
    }

    @Test
    void aHeadInvitedAsHeadSubmitsTheirOwnPartAndTheOfficeApprovesIt() {
        List<Outbound> chooser = say(Office.ADMIN, "/moi");
        assertThat(button(chooser, "invh|")).isNotNull();
        String invite = text(press(Office.ADMIN, "invh|van-phong"));
        assertThat(invite).contains("sẽ là trưởng phòng của Văn phòng");
        String code = invite.replaceAll("(?s).*/start ([A-Z0-9]{10}).*", "$1");
        List<Outbound> joined = say(2012, "/start " + code);
        assertThat(text(joined)).contains("vai trò trưởng phòng");
        Member head = heads.headOf("binh-lu", "van-phong").orElseThrow();
        assertThat(jdbc.queryForObject("select count(*) from department_head_event where department_code = 'van-phong' and event = 'HEAD_NAMED'",
                Integer.class)).isEqualTo(1);

        // The head's own part goes to the office (the shipped cchc says own_part: office); the head's «Duyệt» is refused.
        answerAll("van-phong", 2012);
        List<Outbound> submitted = submit(2012);
        assertThat(text(to(submitted, 2012))).contains("gửi tới Văn phòng");
        List<Outbound> request = to(submitted, Office.ADMIN);
        assertThat(text(request)).contains("đã nộp phần của Văn phòng");
        assertThat(text(press(2012, button(request, "hok|")))).contains("không phải người duyệt phần này");
        assertThat(state("van-phong")).isEqualTo(DepartmentProgress.State.AWAITING_APPROVAL);
        assertThat(text(press(Office.ADMIN, button(request, "hok|")))).contains("Đã duyệt phần của Văn phòng");
        assertThat(state("van-phong")).isEqualTo(DepartmentProgress.State.SUBMITTED);
        assertThat(jdbc.queryForObject("select member_id from submission_event where department_code = 'van-phong' and event = 'APPROVED'",
                Long.class)).isEqualTo(member(Office.ADMIN).getId());

        // Removed by the office: the head is told, and no longer heads the department.
        List<Outbound> removed = press(Office.ADMIN, "hdel|van-phong");
        assertThat(text(to(removed, Office.ADMIN))).contains("Đã bỏ");
        assertThat(text(removed)).contains("không còn là trưởng phòng");
        assertThat(heads.headOf("binh-lu", "van-phong")).isEmpty();
        assertThat(text(press(Office.ADMIN, "hdel|van-phong"))).contains("không có trưởng phòng");
        assertThat(head.getId()).isNotNull();
    }
}
