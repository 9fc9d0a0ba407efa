package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/**
 * The console's pages as the office reads them: the progress grid in each state, a department's answers with their
 * history and the figure checks, the report downloads, and who is refused. The session filter is left out
 * ({@code addFilters = false}): the principal it would set is put on each request here.
 */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H", "app.office-admin-ids=",
        "spring.datasource.url=jdbc:h2:mem:console-pages;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class ConsolePagesTest {

    private static final Pattern POST_FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessService access;
    @Autowired
    AnswerPipeline pipeline;
    @Autowired
    PeriodService periods;
    @Autowired
    ReportScopes scopes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CollectionService collection;

    static ConsoleFixture fixture;
    static Member admin;
    static Member lan;
    static Member hoa;

    @BeforeEach
    void seed() {
        if (fixture != null) {
            return;
        }
        fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        admin = fixture.admin(1001, "Lò Văn Phòng");
        lan = fixture.member(admin, "kinh-te", 2001, "Hà Thị Lan");
        hoa = fixture.member(admin, "trung-tam-hcc", 2002, "Vàng Thị Hoa");
        Member son = fixture.member(admin, "van-phong", 2003, "Tao Văn Sơn");
        assertThat(fixture.answer(lan, "kt-von-dtc-ke-hoach", "100")).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(fixture.answer(lan, "kt-von-dtc-thuc-hien", "1.702,5")).isInstanceOf(AnswerOutcome.Stored.class);
        // Corrected afterwards, still above the plan: the history keeps both, the check warns.
        assertThat(fixture.answer(lan, "kt-von-dtc-thuc-hien", "150")).isInstanceOf(AnswerOutcome.Stored.class);
        List<String> owing = fixture.scope().owingDepartments();
        fixture.answer(hoa, "hcc-hs-tiep-nhan", "2.654");
        collection.submit(fixture.period(), "trung-tam-hcc", hoa.getId(), owing);
        collection.submit(fixture.period(), "van-phong", son.getId(), owing);
        collection.reopen(fixture.period(), "van-phong", admin.getId(), "Thiếu số văn bản đi VII.3.1.");
    }

    MockHttpServletRequestBuilder as(Member member, MockHttpServletRequestBuilder request) {
        return request.requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(member));
    }

    String page(String path) throws Exception {
        return mvc.perform(as(admin, get(path))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theGridShowsEveryDepartmentInItsState() throws Exception {
        String grid = page("/app/office");
        int economy = fixture.scope().report().flow("kinh-te").orElseThrow().size();
        assertThat(grid).contains("Tiến độ các phòng, ban").contains("Đã nộp 1/4 phần.")
                .contains("Phòng Kinh tế").contains("Đã trả lời 2/" + economy + " câu.")
                .contains("Phòng Văn hóa - Xã hội").contains("Chưa bắt đầu")
                .contains("Đã nộp lúc ").contains("người nộp: Vàng Thị Hoa")
                .contains("Mở lại lúc ").contains("bởi Lò Văn Phòng").contains("Lý do mở lại: Thiếu số văn bản đi VII.3.1.");
        // Reminders are offered only to those who still owe their part: three departments, and everyone at once.
        assertThat(count(grid, "name=\"department\" value=\"")).isEqualTo(4);
        assertThat(grid).doesNotContain("name=\"department\" value=\"trung-tam-hcc\"");
    }

    @Test
    void aDepartmentsAnswersShowTheirHistoryAndTheChecks() throws Exception {
        String part = page("/app/office/departments/kinh-te");
        assertThat(part).contains("Phòng Kinh tế").contains("VI.1.2").contains("Số vốn đầu tư công đã thực hiện")
                .contains("150 triệu đồng").contains("Hà Thị Lan")
                .contains("Lịch sử thay đổi (2)")
                .contains("(trống) → 1.702,5 triệu đồng").contains("1.702,5 triệu đồng → 150 triệu đồng")
                .contains("Kiểm tra số liệu").contains("Cảnh báo:")
                .contains("Số vốn đầu tư công đã thực hiện (VI.1.2) lớn hơn kế hoạch được giao (VI.1.1)")
                .contains("(chưa trả lời)");
        // Not submitted: nothing to reopen.
        assertThat(part).doesNotContain("name=\"comment\"");
        String submitted = page("/app/office/departments/trung-tam-hcc");
        assertThat(submitted).contains("name=\"comment\"").contains("2.654").contains("Không phát hiện số liệu bất thường");
    }

    @Test
    void everyFormOnEveryPagePostsTheSessionsCsrfTokenAndAOneTimeToken() throws Exception {
        int forms = 0;
        for (String path : List.of("/app/office", "/app/office/departments/trung-tam-hcc", "/app/office/period",
                "/app/office/members", "/app/office/report")) {
            Matcher form = POST_FORM.matcher(page(path));
            while (form.find()) {
                forms++;
                assertThat(form.group(1)).as(path).contains("name=\"_csrf\" value=\"" + ConsoleFixture.CSRF + "\"")
                        .containsPattern("name=\"_once\" value=\"[0-9a-f]{32}\"");
            }
        }
        assertThat(forms).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theDownloadedReportHoldsTheValues() throws Exception {
        assertThat(page("/app/office/report")).contains("Đã nộp 1/4 phần: tệp là dự thảo").contains("/app/office/report/docx")
                .contains("Số vốn đầu tư công đã thực hiện (VI.1.2) lớn hơn kế hoạch");
        byte[] docx = mvc.perform(as(admin, get("/app/office/report/docx"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("2.654").contains("150").contains("Kiểm tra số liệu".toUpperCase());
        }
        byte[] xlsx = mvc.perform(as(admin, get("/app/office/report/xlsx"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isPositive();
        }
    }

    @Test
    void onlyTheCommunesOfficeAdministratorsGetIn() throws Exception {
        for (String path : List.of("/app/office", "/app/office/departments/kinh-te", "/app/office/period", "/app/office/members",
                "/app/office/report", "/app/office/report/docx")) {
            // A department member; no principal at all; a principal that claims office rights the database does not
            // give; an administrator's principal for another commune.
            mvc.perform(as(lan, get(path))).andExpect(status().isForbidden())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("chỉ dành cho quản trị viên")));
            mvc.perform(get(path)).andExpect(status().isForbidden());
            mvc.perform(get(path).requestAttr(WebPrincipal.ATTRIBUTE, new WebPrincipal(lan.getId(), "binh-lu", true, "x")))
                    .andExpect(status().isForbidden());
            mvc.perform(get(path).requestAttr(WebPrincipal.ATTRIBUTE, new WebPrincipal(admin.getId(), "tam-duong", true, "x")))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aDepartmentNotOfTheCommuneIsNotFound() throws Exception {
        for (String code : List.of("phong-y-te", "van-hoa", "..", "KINH-TE")) {
            mvc.perform(as(admin, get("/app/office/departments/" + code))).andExpect(status().isNotFound())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy phòng, ban")));
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
