package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;

/**
 * The spreadsheet round trip on the web, through the real session filter: the template downloaded from the form, filled
 * with POI as a clerk fills it in Excel, uploaded, its rows shown; a warning confirmed once; every bad file refused
 * whole with nothing stored; a change without the session's CSRF token and an oversize upload refused before anything
 * reads them.
 */
@LongRunning
class FormSpreadsheetTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    static Path data;
    static WebApp app;
    static SignedIn lan;
    static SignedIn tung;
    static long period;
    static ReportScope scope;

    @BeforeAll
    static void start() {
        app = WebApp.start(data);
        app.member("van-hoa-xa-hoi", 7001, "Lan");
        app.member("kinh-te", 7002, "Tùng");
        lan = WebSessions.signIn(app.bot(), 7001);
        tung = WebSessions.signIn(app.bot(), 7002);
        scope = app.bot().bean(ReportScopes.class).all().get(0);
        period = app.bot().bean(PeriodService.class).currentPeriod(scope).getId();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFilledTemplateUploadedOnTheFormIsStoredRowByRowAndItsWarningsOnceConfirmed() throws Exception {
        String form = show("/app/form", lan);
        assertThat(form).contains("id=\"sheet\"", "href=\"/app/form/template.xlsx\"", "action=\"/app/form/upload\"",
                "enctype=\"multipart/form-data\"", "name=\"_csrf\" value=\"" + lan.csrfToken() + "\"", "Bảng tính");

        MvcResult download = app.mvc().perform(get("/app/form/template.xlsx").cookie(lan.cookie())).andReturn();
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentType()).isEqualTo(XLSX);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains(".xlsx");
        byte[] template = download.getResponse().getContentAsByteArray();

        Question total = question("bieu:IV.3.1");
        Question present = question("bieu:IV.3.2");
        Flow flow = scope.flowOf("van-hoa-xa-hoi").orElseThrow();
        Question typed = flow.questions().stream().filter(q -> q.type().numeric() && q != total && q != present)
                .findFirst().orElseThrow();
        Question wrong = flow.questions().stream().filter(q -> q.type().numeric() && q != total && q != present && q != typed)
                .findFirst().orElseThrow();
        byte[] filled = edit(template, wb -> {
            Map<String, Cell> cells = valueCells(wb);
            cells.get(typed.id()).setCellValue("2.654");
            cells.get(wrong.id()).setCellValue("mười hai");
            cells.get(total.id()).setCellValue(10);
            cells.get(present.id()).setCellValue("12"); // more present than allotted: a warning
        });

        String result = page(upload(filled, "BangSoLieu.xlsx", lan), lan);
        assertThat(result).contains("Kết quả nhập bảng tính", "BangSoLieu.xlsx", "id=\"g-stored\"", "id=\"g-refused\"",
                "id=\"g-confirm\"", "không phải là một số", "IV.3.2", "name=\"reference\"");
        assertThat(value(typed)).isEqualTo("2654");
        assertThat(value(total)).isEqualTo("10");
        assertThat(answer(present)).as("a warning waits").isNull();
        assertThat(answer(wrong)).as("refused").isNull();
        assertThat(show("/app/form", lan)).as("the form shows what the file stored")
                .containsPattern("id=\"i-" + Pattern.quote(typed.id()) + "\" value=\"2.654\"");

        String twice = page(upload(filled, "BangSoLieu.xlsx", lan), lan);
        assertThat(twice).doesNotContain("id=\"g-stored\"").contains("id=\"g-unchanged\"");
        assertThat(history(typed)).as("posted twice, stored once").isEqualTo(1);

        String reference = reference(result);
        assertThat(page(post("/app/form/upload/confirm").param("reference", reference).param("reason", "Đã đối chiếu với sổ theo dõi"), tung))
                .as("the first upload's reference was replaced by the second's, and is not Tùng's anyway").contains("id=\"refusal\"");
        String reference2 = reference(twice);
        String confirmed = page(post("/app/form/upload/confirm").param("reference", reference2).param("reason", "Đã đối chiếu với sổ theo dõi"), lan);
        assertThat(confirmed).contains("id=\"g-stored\"", "IV.3.2").doesNotContain("name=\"reference\"");
        assertThat(value(present)).isEqualTo("12");
        String before = database();
        assertThat(page(post("/app/form/upload/confirm").param("reference", reference2).param("reason", "Đã đối chiếu với sổ theo dõi"), lan)).as("once")
                .contains("id=\"refusal\"", "không còn");
        assertThat(database()).isEqualTo(before);
        shoot(result);
    }

    @Test
    void aFileThatIsNotTheDepartmentsTemplateIsRefusedWholeWithNothingStored() throws Exception {
        byte[] economy = app.mvc().perform(get("/app/form/template.xlsx").cookie(tung.cookie())).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] economyFilled = edit(economy, wb -> valueCells(wb).values().forEach(c -> c.setCellValue("7")));
        Map<String, AbstractMockHttpServletRequestBuilder<?>> bad = new LinkedHashMap<>();
        bad.put("không phải là bảng tính Excel", upload("Đây là một tin nhắn.".getBytes(StandardCharsets.UTF_8), "ghi-chu.xlsx", lan));
        bad.put("tệp trống", upload(new byte[0], "trong.xlsx", lan));
        bad.put("tệp trống (no file part)", multipart("/app/form/upload"));
        bad.put("tệp trống (a form without a file)", post("/app/form/upload"));
        bad.put("của Phòng Kinh tế, không phải của Phòng Văn hóa - Xã hội", upload(economyFilled, "kinh-te.xlsx", lan));
        for (Map.Entry<String, AbstractMockHttpServletRequestBuilder<?>> file : bad.entrySet()) {
            String before = database();
            String html = page(file.getValue(), lan);
            assertThat(html).as(file.getKey()).contains("id=\"refusal\"", "Chưa có số liệu nào được lưu",
                    file.getKey().replaceAll(" \\(.*\\)$", ""))
                    .doesNotContain("class=\"ug ");
            assertThat(database()).as(file.getKey() + ": nothing stored").isEqualTo(before);
        }
    }

    @Test
    void aSubmittedPartHasNoTemplateToDownloadAndSaysWhy() throws Exception {
        app.member("trung-tam-hcc", 7003, "Hoa");
        SignedIn hoa = WebSessions.signIn(app.bot(), 7003);
        var periods = app.bot().bean(PeriodService.class);
        app.bot().bean(CollectionService.class).submit(periods.currentPeriod(scope), "trung-tam-hcc",
                WebSessions.telegramMember(app.bot(), 7003).getId(), java.util.List.of("kinh-te", "van-hoa-xa-hoi", "van-phong", "trung-tam-hcc"));
        MvcResult refused = app.mvc().perform(get("/app/form/template.xlsx").cookie(hoa.cookie())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentType()).startsWith("text/html");
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("id=\"problem\"", "đã nộp");
        assertThat(show("/app/form", hoa)).as("a locked form offers no upload").doesNotContain("id=\"sheet\"");
    }

    @Test
    void anUploadWithoutTheSessionsTokenOrTooLargeIsRefusedBeforeAnythingReadsIt() throws Exception {
        byte[] template = app.mvc().perform(get("/app/form/template.xlsx").cookie(lan.cookie())).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] filled = edit(template, wb -> valueCells(wb).values().forEach(c -> c.setCellValue("9")));
        String before = database();
        MvcResult forged = app.mvc().perform(multipart("/app/form/upload").file(new MockMultipartFile("file", "a.xlsx", XLSX, filled))
                .cookie(lan.cookie())).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        MvcResult otherToken = app.mvc().perform(multipart("/app/form/upload").file(new MockMultipartFile("file", "a.xlsx", XLSX, filled))
                .param("_csrf", tung.csrfToken()).cookie(lan.cookie())).andReturn();
        assertThat(otherToken.getResponse().getStatus()).isEqualTo(403);
        MvcResult confirm = app.mvc().perform(post("/app/form/upload/confirm").param("reference", "1-abc").cookie(lan.cookie())).andReturn();
        assertThat(confirm.getResponse().getStatus()).isEqualTo(403);
        assertThat(database()).isEqualTo(before);

        // Over real HTTP, as a browser sends it: the declared length alone refuses it, with a Vietnamese page.
        byte[] huge = new byte[6 * 1024 * 1024];
        HttpResponse<String> tooLarge = WebSessions.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/app/form/upload"))
                .header("Cookie", lan.cookieHeader()).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Tệp quá lớn", "5 MB");
        assertThat(database()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    static AbstractMockHttpServletRequestBuilder<?> upload(byte[] file, String name, SignedIn who) {
        return multipart("/app/form/upload").file(new MockMultipartFile("file", name, XLSX, file));
    }

    /** The page as the member's browser gets it, with the session's cookie and, for a POST, its CSRF field. */
    static String page(AbstractMockHttpServletRequestBuilder<?> request, SignedIn who) throws Exception {
        return answered(request.cookie(who.cookie()).param("_csrf", who.csrfToken()));
    }

    static String show(String path, SignedIn who) throws Exception {
        return answered(get(path).cookie(who.cookie()));
    }

    private static String answered(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MvcResult result = app.mvc().perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String reference(String html) {
        Matcher m = Pattern.compile("name=\"reference\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a confirmation button").isTrue();
        return m.group(1);
    }

    static Question question(String slot) {
        return scope.report().questionsBySlot().get(slot);
    }

    static Answer answer(Question question) {
        return app.bot().bean(CollectionService.class).answer(period, question.id()).orElse(null);
    }

    static String value(Question question) {
        return answer(question).value().number().stripTrailingZeros().toPlainString();
    }

    static int history(Question question) {
        return app.bot().bean(CollectionService.class).history(period, question.id()).size();
    }

    /** Every answer, every audit row and the files kept for confirmation. */
    static String database() {
        JdbcTemplate jdbc = app.bot().bean(JdbcTemplate.class);
        return jdbc.queryForList("select period_id, question_id, value_text, value_number, skipped, updated_by, version"
                + " from answer order by period_id, question_id").toString()
                + jdbc.queryForList("select * from answer_change order by id")
                + jdbc.queryForList("select id, member_id, token from held_spreadsheet order by id");
    }

    /** Question id → its value cell, as the template's hidden columns say (spreadsheet.SheetColumns). */
    static Map<String, Cell> valueCells(XSSFWorkbook wb) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        collect(wb.getSheetAt(0), 4, 6, cells);
        collect(wb.getSheetAt(1), 2, 3, cells);
        return cells;
    }

    private static void collect(Sheet sheet, int valueColumn, int idColumn, Map<String, Cell> into) {
        for (Row row : sheet) {
            Cell id = row.getCell(idColumn);
            if (row.getRowNum() > 3 && id != null && !id.getStringCellValue().isBlank()) {
                into.put(id.getStringCellValue(), row.getCell(valueColumn));
            }
        }
    }

    static byte[] edit(byte[] file, Consumer<XSSFWorkbook> changes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            changes.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result page with its style inlined, to look at (docs/screenshots/form-360-upload.png is chromium's rendering of it). */
    static void shoot(String html) throws IOException {
        String style = Files.readString(Path.of("src/main/resources/static/form/form.css"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/upload-result.html"),
                html.replace("<link rel=\"stylesheet\" href=\"/form/form.css\">", "<style>" + style + "</style>"));
    }
}
