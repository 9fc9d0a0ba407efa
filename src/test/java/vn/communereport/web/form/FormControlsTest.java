package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import vn.communereport.access.Member;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.web.WebPrincipal;

/**
 * The process controls in the web form and the office's console, on the real application with its clock moved: the
 * drafted first sentence above its block (the chat's choices and storage, each channel seeing the other's, the
 * sentence following the figures), entry locked at the deadline plus grace for every write, and late entry granted
 * from the console as /nhapmuon grants it, until its day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormControlsTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CSRF = "csrf-of-the-session";
    static final String VHXH = "van-hoa-xa-hoi";
    static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([0-9a-f]+)\"");

    @TempDir
    static Path data;
    WebApp app;
    MockMvc mvc;
    ReportScope scope;
    Member centre;
    Member culture;
    Member economy;
    String block;
    int delivery;

    @BeforeAll
    void start() {
        app = WebApp.start(data);
        WebApplicationContext context = app.bot().bean(DispatcherServlet.class).getWebApplicationContext();
        mvc = MockMvcBuilders.webAppContextSetup(context).build(); // as the session filter hands requests on: principal attached
        scope = app.bot().bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        centre = app.member("trung-tam-hcc", 4001, "Lan");
        culture = app.member(VHXH, 4002, "Hoa");
        economy = app.member("kinh-te", 4003, "Hùng");
        // Deadline 17:00 on 02/12; the definition's 24 hours of grace lock entry at 17:00 on 03/12.
        PeriodService periods = app.bot().bean(PeriodService.class);
        periods.open("binh-lu", scope.report(), periods.currentPeriod(scope).key(),
                ZonedDateTime.of(2026, 12, 2, 17, 0, 0, 0, HANOI).toInstant());
        block = scope.report().questionsBySlot().get("muc:II.2.2").id();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    MockHttpServletRequestBuilder as(Member member, MockHttpServletRequestBuilder request) {
        return request.requestAttr(WebPrincipal.ATTRIBUTE, new WebPrincipal(member.getId(), member.getCommuneCode(), member.isOfficeAdmin(), CSRF))
                .header("X-CSRF-Token", CSRF).characterEncoding(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse send(Member member, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(as(member, request)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    MockHttpServletResponse json(Member member, String path, String body) throws Exception {
        return send(member, post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    MockHttpServletResponse save(Member member, String q, String value) throws Exception {
        return json(member, "/app/form/answer", FormFixture.save(period().getId(), q, value));
    }

    MockHttpServletResponse choose(Member member, String choice, String fingerprint, String text) throws Exception {
        return json(member, "/app/form/sentence", "{\"period\":" + period().getId() + ",\"q\":\"" + block + "\",\"choice\":\"" + choice
                + "\",\"fingerprint\":" + (fingerprint == null ? "null" : "\"" + fingerprint + "\"")
                + ",\"text\":" + (text == null ? "null" : "\"" + text + "\"") + "}");
    }

    String draft(String field) throws Exception {
        return JsonPath.read(send(centre, get("/app/form/drafts")).getContentAsString(), "$['" + block + "']." + field);
    }

    String figure(String row) {
        return scope.report().questionsBySlot().get("bieu:" + row).id();
    }

    ReportingPeriod period() {
        return app.bot().bean(PeriodService.class).currentPeriod(scope);
    }

    SentenceChoice.Kind choice() {
        return app.bot().bean(SentenceChoices.class).of(period().getId(), "II.2.2").map(SentenceChoice::kind).orElse(null);
    }

    String chat(long user, boolean button, String text) {
        ConversationEngine engine = app.bot().bean(ConversationEngine.class);
        var who = WebApp.telegram(user);
        Inbound inbound = button ? Inbound.button(who, "c" + ++delivery, null, text) : Inbound.text(who, "c" + ++delivery, null, text);
        return String.join("\n", engine.handle(inbound).messages().stream().map(Outbound::text).toList());
    }

    long count(String sql, Object... args) {
        return app.bot().bean(JdbcTemplate.class).queryForObject(sql, Long.class, args);
    }

    @Test
    @Order(1)
    void theFormDraftsTheSentenceFromTheStoredFiguresWithTheChatsChoices() throws Exception {
        String page = send(centre, get("/app/form")).getContentAsString();
        assertThat(page).contains("id=\"d-" + block + "\"").contains("Câu mở đầu soạn sẵn cho mục này")
                .contains("Chưa soạn được câu mở đầu vì còn thiếu số liệu: III.3.1 (chờ Trung tâm Phục vụ hành chính công)");
        assertThat(choose(centre, "accept", "12345678", null).getStatus()).as("nothing to accept yet").isEqualTo(409);

        assertThat(JsonPath.<String>read(save(centre, figure("III.3.1"), "1.837").getContentAsString(), "$.state")).isEqualTo("saved");
        save(centre, figure("III.3.2.1"), "1.822");
        save(centre, figure("III.3.2.2"), "1.814");
        assertThat(draft("text")).isEqualTo("Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải quyết 1.822 hồ sơ, trong đó 1.814 hồ sơ "
                + "trước và đúng hạn, đạt 99,56%.");
        assertThat(draft("state")).isEqualTo("new");
        assertThat(send(centre, get("/app/form")).getContentAsString()).contains("«Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ")
                .contains("Dùng câu này").contains("Sửa câu").contains("Bỏ câu");

        MockHttpServletResponse stale = choose(centre, "accept", "0badf00d", null);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString()).contains("Số liệu vừa thay đổi");
        assertThat(choice()).isNull();
        MockHttpServletResponse used = choose(centre, "accept", draft("fingerprint"), null);
        assertThat(used.getStatus()).isEqualTo(200);
        assertThat(used.getContentAsString()).contains("Đã dùng câu mở đầu soạn sẵn");
        assertThat(choice()).isEqualTo(SentenceChoice.Kind.ACCEPTED);
        assertThat(chat(4001, true, "ed|" + block)).as("the chat sees the form's choice").contains("đang dùng câu soạn sẵn");

        // A figure changed in the form: the sentence shown follows it, still the one in use.
        save(centre, figure("III.3.2.2"), "1.800");
        assertThat(draft("text")).contains("trong đó 1.800 hồ sơ trước và đúng hạn, đạt 98,79%");
        assertThat(draft("state")).isEqualTo("accepted");

        // The member writes their own in the chat: the form shows it.
        chat(4001, true, "se|" + block);
        chat(4001, false, "Trong kỳ, Trung tâm đã giải quyết gần hết hồ sơ.");
        assertThat(draft("state")).isEqualTo("edited");
        assertThat(draft("own")).isEqualTo("Trong kỳ, Trung tâm đã giải quyết gần hết hồ sơ.");

        MockHttpServletResponse empty = choose(centre, "edit", null, "   ");
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Câu mở đầu không được để trống; chưa có gì được lưu.");
        assertThat(choose(centre, "edit", null, "x".repeat(1001)).getStatus()).isEqualTo(422);
        assertThat(draft("own")).as("refusals change nothing").isEqualTo("Trong kỳ, Trung tâm đã giải quyết gần hết hồ sơ.");
        MockHttpServletResponse own = choose(centre, "edit", null, "Trong kỳ, Trung tâm tiếp nhận 1.900 hồ sơ.");
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString()).contains("Đã lưu câu mở đầu bạn viết").contains("1.900");
        MockHttpServletResponse dropped = choose(centre, "drop", null, null);
        assertThat(dropped.getContentAsString()).contains("Đã bỏ câu mở đầu soạn sẵn");
        assertThat(choice()).isEqualTo(SentenceChoice.Kind.DROPPED);

        assertThat(choose(culture, "drop", null, null).getStatus()).as("another department's block").isEqualTo(403);
        assertThat(choose(centre, "keep", null, null).getStatus()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void atTheDeadlinePlusGraceEveryWriteOfTheFormIsRefusedAndThePageSaysWhomToAsk() throws Exception {
        app.clock().set(ZonedDateTime.of(2026, 12, 3, 16, 59, 0, 0, HANOI));
        assertThat(JsonPath.<String>read(save(culture, "vh-kh-so-nhiem-vu", "10").getContentAsString(), "$.state")).isEqualTo("saved");
        app.clock().set(ZonedDateTime.of(2026, 12, 3, 17, 0, 0, 0, HANOI));

        MockHttpServletResponse answer = save(culture, "vh-kh-so-nhiem-vu", "11");
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getContentAsString()).contains("\"state\":\"locked\"")
                .contains("Đã khóa nhập số liệu kỳ 6 tháng cuối năm 2026 (Báo cáo cải cách hành chính) từ 17:00 ngày 03/12/2026");
        MockHttpServletResponse sentence = choose(centre, "accept", draft("fingerprint"), null);
        assertThat(sentence.getStatus()).isEqualTo(409);
        assertThat(sentence.getContentAsString()).contains("Đã khóa nhập số liệu");
        assertThat(choice()).as("the sentence's choice is locked as the answers are").isEqualTo(SentenceChoice.Kind.DROPPED);
        String submitted = send(culture, post("/app/form/submit").param("period", String.valueOf(period().getId()))).getRedirectedUrl();
        assertThat(submitted).startsWith("/app/form/review?r=").doesNotEndWith("r=submitted");

        String page = send(culture, get("/app/form")).getContentAsString();
        assertThat(page).contains("Đã khóa nhập số liệu kỳ 6 tháng cuối năm 2026").contains("hạn nộp 17:00 ngày 02/12/2026, thêm 24 giờ gia hạn")
                .contains("hãy đề nghị Văn phòng").contains("cho phép nhập muộn").contains("data-locked=\"1\"").contains("disabled");
        assertThat(page).doesNotContain("nhập muộn đến hết ngày");
        assertThat(send(culture, get("/app/form/review")).getContentAsString()).contains("Đã khóa nhập số liệu");
        assertThat(count("select count(*) from submission where period_id = ? and submitted_at is not null", period().getId())).isZero();
    }

    @Test
    @Order(3)
    void theOfficeGrantsOneDepartmentLateEntryFromTheConsoleUntilADayTypedAsInTheChat() throws Exception {
        Member admin = app.officeAdmin();
        String page = send(admin, get("/app/office/period")).getContentAsString();
        assertThat(page).contains("Cho phép nhập muộn").contains("Kỳ này đã khóa nhập từ 17:00 ngày 03/12/2026")
                .contains("tối đa 10 ngày").contains("value=\"" + VHXH + "\"").contains("Chưa cho phòng nào nhập muộn.");

        MockHttpServletResponse unreadable = grant(admin, VHXH, "ngày mai nhé");
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(unreadable.getContentAsString()).contains("Không đọc được ngày «ngày mai nhé»");
        MockHttpServletResponse early = grant(admin, VHXH, "2/12");
        assertThat(early.getContentAsString()).as("the form comes back as typed").contains("value=\"2/12\"")
                .contains("<option value=\"" + VHXH + "\" selected=\"selected\">");
        assertThat(early.getContentAsString()).contains("Ngày 02/12/2026 đã qua hoặc không muộn hơn lúc kỳ khóa nhập (17:00 ngày 03/12/2026)");
        MockHttpServletResponse late = grant(admin, VHXH, "31/12/2026");
        assertThat(late.getContentAsString()).contains("tối đa 10 ngày sau lúc kỳ khóa (17:00 ngày 03/12/2026), tức đến hết ngày 13/12/2026");
        assertThat(grant(admin, "khong-co", "5/12").getStatus()).isEqualTo(404);
        assertThat(send(culture, post("/app/office/period/late").param("department", VHXH).param("until", "5/12")).getStatus())
                .as("a member is not the office").isEqualTo(403);
        assertThat(count("select count(*) from late_entry_exception")).isZero();

        String form = send(admin, get("/app/office/period")).getContentAsString();
        MockHttpServletResponse granted = send(admin, post("/app/office/period/late").param("department", VHXH).param("until", "đến hết 5/12")
                .param("_once", once(form)));
        assertThat(granted.getRedirectedUrl()).isEqualTo("/app/office/period?done=late-granted");
        assertThat(send(admin, post("/app/office/period/late").param("department", VHXH).param("until", "5/12").param("_once", once(form)))
                .getStatus()).as("the same form sent again").isEqualTo(409);
        assertThat(count("select count(*) from submission_event where event = 'LATE_ENTRY_GRANTED' and department_code = ?", VHXH))
                .as("audited as /nhapmuon").isEqualTo(1L);
        assertThat(count("select count(*) from outbox_message where text like ?", "%cho phép Phòng Văn hóa - Xã hội nhập muộn%05/12/2026%"))
                .as("the department's member is told in the chat").isEqualTo(1L);
        assertThat(send(admin, get("/app/office/period?done=late-granted")).getContentAsString())
                .contains("Đã cho phép nhập muộn; các thành viên của phòng đã được báo.")
                .contains("Phòng Văn hóa - Xã hội: được nhập đến hết ngày 05/12/2026 (do ");

        String lateForm = send(culture, get("/app/form")).getContentAsString();
        assertThat(lateForm).contains("cho phép Phòng Văn hóa - Xã hội nhập muộn đến hết ngày 05/12/2026").contains("data-locked=\"0\"");
        assertThat(JsonPath.<String>read(save(culture, "vh-kh-so-nhiem-vu", "11").getContentAsString(), "$.state")).isEqualTo("saved");
        assertThat(save(economy, scope.flowOf("kinh-te").orElseThrow().questions().get(0).id(), "3").getStatus())
                .as("another department stays locked").isEqualTo(409);

        app.clock().set(ZonedDateTime.of(2026, 12, 6, 0, 0, 0, 0, HANOI));
        assertThat(save(culture, "vh-kh-so-nhiem-vu", "12").getStatus()).as("after its last day").isEqualTo(409);
        assertThat(send(admin, get("/app/office/period")).getContentAsString()).contains("đã hết hạn nhập muộn (đến hết ngày 05/12/2026");
    }

    MockHttpServletResponse grant(Member admin, String department, String until) throws Exception {
        String page = send(admin, get("/app/office/period")).getContentAsString();
        return send(admin, post("/app/office/period/late").param("department", department).param("until", until).param("_once", once(page)));
    }

    static String once(String page) {
        Matcher m = ONCE.matcher(page);
        assertThat(m.find()).as("a one-time token in the page").isTrue();
        return m.group(1);
    }
}
