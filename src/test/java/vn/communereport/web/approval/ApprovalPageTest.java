package vn.communereport.web.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import vn.communereport.conversation.PartSubmission;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbox;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebSessions;

/**
 * The head's approval page over real HTTP on the running application: the summary, «Duyệt» and «Trả lại» through the
 * chat's use case (members and office told through the outbox), a second tab refused, an empty comment refused, a
 * member who heads nothing refused; and the office's console deciding on a part whose department has no head left.
 */
class ApprovalPageTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path data;
    static BotProcess bot;
    static AccessService access;
    static CollectionService collection;
    static JdbcTemplate jdbc;
    static ReportScope scope;
    static ReportingPeriod period;
    static String base;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 2, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        access = bot.bean(AccessService.class);
        collection = bot.bean(CollectionService.class);
        jdbc = bot.bean(JdbcTemplate.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        period = bot.bean(PeriodService.class).currentPeriod(scope);
        base = WebSessions.baseUrl(bot);
        Member admin = access.recognise(telegram(Office.ADMIN), "Lò Văn Phòng").orElseThrow();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2001), "Hà Thị Kinh");
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2002), "Lò Văn Trưởng");
        access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(2021), "Lù Thị Văn");
        access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(2022), "Giàng A Trưởng");
        bot.bean(DepartmentHeads.class).name(admin, member(2002).getId());
        bot.bean(DepartmentHeads.class).name(admin, member(2022).getId());
        access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(2032), "Vàng A Giám đốc");
        bot.bean(DepartmentHeads.class).name(admin, member(2032).getId());
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

    /** Every question answered and the part handed in through the use case the chat and the form call. */
    static Submission handIn(String department, long user) {
        Flow flow = scope.report().flow(department).orElseThrow();
        for (Question question : flow.questions()) {
            AnswerValue value = question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.valueOf(7)) : AnswerValue.ofText("05/01/2026");
            collection.save(period, question, value, member(user).getId(), collection.answer(period.getId(), question.id())
                    .map(a -> a.getVersion()).orElse(null), true);
        }
        PartSubmission.Result result = bot.bean(PartSubmission.class).submit(member(user), scope, period, flow);
        bot.bean(Outbox.class).enqueue(result.notices());
        return collection.submission(period.getId(), department).orElseThrow();
    }

    static HttpResponse<String> get(SignedIn who, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", who.cookieHeader()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(SignedIn who, String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + who.csrfToken());
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", who.cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> messagesTo(long user) {
        return jdbc.queryForList("select text from outbox_message where recipient_key = ? order by id", String.class,
                "member:" + member(user).getId());
    }

    long events() {
        return jdbc.queryForObject("select count(*) from submission_event", Long.class);
    }

    @Test
    void theHeadSeesTheWholeSummaryApprovesAndASecondTabIsRefused() throws Exception {
        Submission part = handIn("kinh-te", 2001);
        SignedIn head = WebSessions.signIn(bot, member(2002));
        String form = get(head, "/app/form").body();
        assertThat(form).contains("href=\"/app/approval\"").contains("Duyệt phần của phòng");
        assertThat(get(WebSessions.signIn(bot, member(2001)), "/app/form").body()).doesNotContain("/app/approval");

        HttpResponse<String> page = get(head, "/app/approval");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Phòng Kinh tế – kỳ").contains("Người nộp: Hà Thị Kinh")
                .contains("/app/approval/" + part.getId() + "/approve").contains("name=\"version\" value=\"" + part.getVersion() + "\"");
        Flow flow = scope.report().flow("kinh-te").orElseThrow();
        assertThat(Pattern.compile("<li[^>]*>\\d+\\. \\[").matcher(page.body()).results().count()).isEqualTo(flow.size());
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "approval-page.html"),
                page.body().replace("href=\"/", "href=\"" + base + "/"));

        // Another department's head and a member who heads nothing are refused, and nothing changes.
        long before = events();
        SignedIn otherHead = WebSessions.signIn(bot, member(2032));
        HttpResponse<String> foreign = post(otherHead, "/app/approval/" + part.getId() + "/approve", Map.of("version", "" + part.getVersion()));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("không phải người duyệt phần này");
        SignedIn colleague = WebSessions.signIn(bot, member(2001));
        assertThat(get(colleague, "/app/approval").statusCode()).isEqualTo(403);
        assertThat(get(colleague, "/app/approval").body()).contains("Trang này dành cho trưởng phòng");
        assertThat(post(colleague, "/app/approval/" + part.getId() + "/approve", Map.of("version", "" + part.getVersion())).statusCode())
                .isEqualTo(403);
        HttpResponse<String> empty = post(head, "/app/approval/" + part.getId() + "/return", Map.of("version", "" + part.getVersion(), "comment", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Cần ghi ý kiến để trả lại");
        assertThat(post(head, "/app/approval/" + part.getId() + "/approve", Map.of("version", "abc")).statusCode()).isEqualTo(400);
        HttpResponse<String> noCsrf = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/app/approval/" + part.getId() + "/approve"))
                .header("Cookie", head.cookieHeader()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=" + part.getVersion())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(collection.isIn(period.getId(), "kinh-te")).isFalse();

        // «Duyệt»: the member and the office are told through the outbox, as from the chat; the audit names the head.
        HttpResponse<String> approved = post(head, "/app/approval/" + part.getId() + "/approve", Map.of("version", "" + part.getVersion()));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/app/approval?done=approved");
        assertThat(get(head, "/app/approval?done=approved").body()).contains("Đã duyệt").contains("Hiện không có phần nào chờ");
        assertThat(collection.isIn(period.getId(), "kinh-te")).isTrue();
        assertThat(messagesTo(2001)).last().asString().contains("đã được Lò Văn Trưởng duyệt");
        assertThat(messagesTo(Office.ADMIN)).last().asString().contains("Phòng Kinh tế đã nộp phần báo cáo");
        assertThat(jdbc.queryForObject("select member_id from submission_event where department_code = 'kinh-te' and event = 'APPROVED'",
                Long.class)).isEqualTo(member(2002).getId());

        // The same form from a second tab: refused with the reason, nothing changes.
        long after = events();
        HttpResponse<String> again = post(head, "/app/approval/" + part.getId() + "/approve", Map.of("version", "" + part.getVersion()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("đã được duyệt, đã được trả lại hoặc đã được nộp lại").contains("Không có gì thay đổi");
        assertThat(post(head, "/app/approval/" + part.getId() + "/return", Map.of("version", "" + part.getVersion(), "comment", "Sai"))
                .statusCode()).isEqualTo(409);
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void theOfficeDecidesInTheConsoleOnlyOnceTheDepartmentHasNoHead() throws Exception {
        Submission part = handIn("van-hoa-xa-hoi", 2021);
        SignedIn office = WebSessions.signIn(bot, member(Office.ADMIN));
        String grid = get(office, "/app/office").body();
        assertThat(grid).contains("chờ trưởng phòng duyệt");
        String page = get(office, "/app/office/departments/van-hoa-xa-hoi").body();
        assertThat(page).contains("Phần đang chờ trưởng phòng Giàng A Trưởng duyệt").doesNotContain("/van-hoa-xa-hoi/approve");
        // The form forged while the head exists is refused, and says who decides.
        HttpResponse<String> bypass = post(office, "/app/office/departments/van-hoa-xa-hoi/approve",
                Map.of("submission", "" + part.getId(), "version", "" + part.getVersion(), "_once", once(page)));
        assertThat(bypass.statusCode()).isEqualTo(403);
        assertThat(get(otherHeadOf("trung-tam-hcc"), "/app/approval").body()).doesNotContain("Phòng Văn hóa - Xã hội – kỳ");
        assertThat(bypass.body()).contains("do trưởng phòng Giàng A Trưởng duyệt");
        assertThat(collection.submission(period.getId(), "van-hoa-xa-hoi").orElseThrow().awaitsApproval()).isTrue();

        // The head is removed while the part waits: the office returns it with a comment (required), from the console.
        page = get(office, "/app/office/members").body();
        post(office, "/app/office/heads/van-hoa-xa-hoi/remove", Map.of("_once", once(page)));
        page = get(office, "/app/office/departments/van-hoa-xa-hoi").body();
        assertThat(page).contains("Phòng không còn trưởng phòng nên Văn phòng duyệt thay").contains("/van-hoa-xa-hoi/return");
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "console-approval.html"),
                page.replace("href=\"/", "href=\"" + base + "/"));
        HttpResponse<String> empty = post(office, "/app/office/departments/van-hoa-xa-hoi/return",
                Map.of("submission", "" + part.getId(), "version", "" + part.getVersion(), "comment", "", "_once", once(page)));
        assertThat(empty.statusCode()).isEqualTo(400);
        page = get(office, "/app/office/departments/van-hoa-xa-hoi").body();
        HttpResponse<String> returned = post(office, "/app/office/departments/van-hoa-xa-hoi/return",
                Map.of("submission", "" + part.getId(), "version", "" + part.getVersion(), "comment", "Bổ sung mục IV.2.", "_once", once(page)));
        assertThat(returned.statusCode()).isEqualTo(302);
        assertThat(messagesTo(2021)).last().asString().contains("được Lò Văn Phòng (Văn phòng HĐND và UBND) trả lại").contains("Bổ sung mục IV.2.");
        assertThat(jdbc.queryForObject("select member_id from submission_event where department_code = 'van-hoa-xa-hoi' and event = 'RETURNED'",
                Long.class)).isEqualTo(member(Office.ADMIN).getId());

        // Handed in again with no head: the office approves it in the console.
        Submission again = handIn("van-hoa-xa-hoi", 2021);
        assertThat(again.awaitsApproval()).as("no head: handed in as before, in at once").isFalse();
        assertThat(collection.isIn(period.getId(), "van-hoa-xa-hoi")).isTrue();
    }

    static SignedIn otherHeadOf(String department) {
        return WebSessions.signIn(bot, member(2032));
    }

    static String once(String page) {
        Matcher m = Pattern.compile("name=\"_once\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
