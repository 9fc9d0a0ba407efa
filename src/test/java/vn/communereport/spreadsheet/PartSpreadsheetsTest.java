package vn.communereport.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.Slot;
import vn.communereport.messaging.Texts;
import vn.communereport.spreadsheet.RowResult.Status;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedNarratives;
import vn.communereport.testsupport.SeedReport;

/**
 * The spreadsheet round trip through the channel-free service, as the web page and the chat call it: a template
 * filled and imported is stored exactly; every bad file is refused whole with nothing stored; warnings wait for
 * confirmation; a colleague's newer answer is reported, not overwritten. Tests run in order on one database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@LongRunning
class PartSpreadsheetsTest {

    /** The one reason given for a file's figures with warnings. */
    static final String REASON = "Đã đối chiếu với sổ theo dõi của bộ phận một cửa";

    @TempDir
    static Path data;
    static BotProcess bot;
    static PartSpreadsheets sheets;
    static CollectionService collection;
    static AnswerPipeline pipeline;
    static JdbcTemplate jdbc;
    static Texts texts;
    static ReportScope context;
    static ReportingPeriod period;
    static Member culture;
    static Member centre;
    static Member centreColleague;
    static Member economy;
    static Member office;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        sheets = bot.bean(PartSpreadsheets.class);
        collection = bot.bean(CollectionService.class);
        pipeline = bot.bean(AnswerPipeline.class);
        jdbc = bot.bean(JdbcTemplate.class);
        texts = bot.bean(Texts.class);
        context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        AccessService access = bot.bean(AccessService.class);
        office = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        culture = join(access, "van-hoa-xa-hoi", 4001, "Hoa");
        centre = join(access, "trung-tam-hcc", 4002, "Lan");
        centreColleague = join(access, "trung-tam-hcc", 4003, "Minh");
        economy = join(access, "kinh-te", 4004, "Tùng");
        period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static Member join(AccessService access, String department, long id, String name) {
        return access.redeem(access.createInvite(office, department), telegram(id), name).member();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Flow flow(String department) {
        return context.report().flow(department).orElseThrow();
    }

    static byte[] template(Member member) {
        TemplateOutcome outcome = sheets.template(member.getId());
        assertThat(outcome.refusal()).isNull();
        return outcome.file().content();
    }

    static Answer stored(Question question) {
        return collection.answer(period.getId(), question.id()).orElse(null);
    }

    /** Every answer and every audit row, and the files kept for confirmation. */
    static String database() {
        return jdbc.queryForList("select period_id, question_id, value_text, value_number, skipped, updated_by, version"
                + " from answer order by period_id, question_id").toString()
                + jdbc.queryForList("select * from answer_change order by id")
                + jdbc.queryForList("select id, member_id, token from held_spreadsheet order by id")
                + jdbc.queryForList("select * from submission order by id");
    }

    // ------------------------------------------------------------------ the template

    @Test
    @Order(1)
    void theTemplateHoldsEveryQuestionOfThePartInTheFlowsOrderLockedButForTheCellsToFill() throws IOException {
        byte[] file = template(culture);
        Flow flow = flow("van-hoa-xa-hoi");
        try (XSSFWorkbook wb = Workbooks.open(file)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Số liệu");
            assertThat(wb.getSheetName(1)).isEqualTo("Lời văn");
            assertThat(wb.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(Workbooks.questionIds(wb.getSheetAt(0), SheetColumns.FIGURE_META)).containsExactlyElementsOf(
                    flow.questions().stream().filter(q -> q.fills().kind() == Slot.Kind.TABLE_ROW).map(Question::id).toList());
            assertThat(Workbooks.questionIds(wb.getSheetAt(1), SheetColumns.NARRATIVE_META)).containsExactlyElementsOf(
                    flow.questions().stream().filter(q -> q.fills().kind() == Slot.Kind.BLOCK).map(Question::id).toList());
            XSSFSheet figures = wb.getSheetAt(0);
            assertThat(figures.getProtect()).isTrue();
            assertThat(figures.isColumnHidden(SheetColumns.FIGURE_META)).isTrue();
            assertThat(wb.isStructureLocked()).isTrue();
            String header = figures.getRow(SheetColumns.HEADER_ROW).getCell(SheetColumns.CURRENT).getStringCellValue();
            assertThat(header).isEqualTo("Số liệu kỳ này");
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            cells.values().forEach(cell -> assertThat(cell.getCellStyle().getLocked()).isFalse());
            Cell first = cells.get(flow.questions().get(0).id());
            assertThat(first.getRow().getCell(SheetColumns.STT).getStringCellValue()).isEqualTo("I.1");
            assertThat(first.getRow().getCell(SheetColumns.LABEL).getCellStyle().getLocked()).isTrue();
            // The sections the figures belong to head their groups: I, then IV when the flow gets there.
            assertThat(figures.getRow(SheetColumns.HEADER_ROW + 1).getCell(SheetColumns.STT).getStringCellValue()).isEqualTo("I");
        }
        Files.write(Path.of("target", "BangSoLieu-van-hoa-xa-hoi.xlsx"), file);
        assertThat(sheets.template(office.getId()).refusal()).contains("chưa thuộc phòng nào");
    }

    // ------------------------------------------------------------------ the round trip

    @Test
    @Order(2)
    void aFilledTemplateIsStoredExactlyAsTypedWithWarningsStoredOnlyOnceConfirmed() {
        Flow flow = flow("van-hoa-xa-hoi");
        Map<String, String> figures = SeedReport.tableValues(context.report());
        Map<String, String> narratives = SeedNarratives.blocks(context.report());
        // Every cell filled: a figure the seed leaves blank (V.3, optional) is typed as 0.
        java.util.function.Function<Question, String> seed = FlowDriver.fromTable(figures);
        java.util.function.Function<Question, String> typed = q -> seed.apply(q).isEmpty() ? "0" : seed.apply(q);
        byte[] filled = Workbooks.edit(template(culture), wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            int n = 0;
            for (Question question : flow.questions()) {
                Cell cell = cells.get(question.id());
                if (question.type() == QuestionType.NARRATIVE) {
                    cell.setCellValue(narratives.get(question.fills().ref()));
                } else if (question.type() == QuestionType.YESNO) {
                    cell.setCellValue("Có");
                } else if (question.type().numeric() && n++ % 3 == 0) {
                    // As Excel keeps a number typed into a cell formatted as a number (or pasted from another sheet).
                    cell.setCellValue(expectedNumber(question, typed.apply(question)).doubleValue());
                } else {
                    cell.setCellValue(typed.apply(question));
                }
            }
        });
        writeQuietly("BangSoLieu-van-hoa-xa-hoi-da-dien.xlsx", filled); // to look at, rendered by LibreOffice
        ImportResult first = sheets.importFile(culture.getId(), "BangSoLieu.xlsx", filled, false);
        assertThat(first.refusal()).isNull();
        assertThat(first.rows(Status.REFUSED)).isEmpty();
        // The seed has more people present in public service units than allotted (IV.3.2 ≤ IV.3.1): a warning, not stored yet.
        assertThat(first.rows(Status.NEEDS_CONFIRMATION)).extracting(RowResult::place).contains("IV.3.2");
        assertThat(first.confirmation()).isNotNull().matches("\\d+-[a-z0-9]{16}");
        assertThat(first.text()).contains("Cần xác nhận", "IV.3.2", "Đã lưu");
        Question present = context.report().questionsBySlot().get("bieu:IV.3.2");
        assertThat(stored(present)).isNull();
        assertThat(first.count(Status.STORED) + first.count(Status.NEEDS_CONFIRMATION)).isEqualTo(flow.size());

        assertThat(sheets.confirm(economy.getId(), first.confirmation(), REASON).refused()).as("only its sender confirms").isTrue();
        assertThat(sheets.confirm(culture.getId(), first.confirmation(), "ok").refused()).as("a reason too short keeps the file").isTrue();
        assertThat(stored(present)).isNull();
        ImportResult confirmed = sheets.confirm(culture.getId(), first.confirmation(), REASON);
        assertThat(confirmed.refusal()).isNull();
        assertThat(confirmed.rows(Status.STORED)).extracting(RowResult::place).containsExactlyInAnyOrderElementsOf(
                first.rows(Status.NEEDS_CONFIRMATION).stream().map(RowResult::place).toList());
        assertThat(sheets.confirm(culture.getId(), first.confirmation(), REASON).refused()).as("once").isTrue();
        assertThat(sheets.holds(culture.getId(), first.confirmation())).as("spent").isFalse();
        assertThat(sheets.holds(culture.getId(), "99-forged")).isFalse();
        assertThat(collection.keptReasons(period.getId(), List.of(present.id())).get(present.id()).reason())
                .as("the one reason is stored with each kept figure").isEqualTo(REASON);

        for (Question question : flow.questions()) {
            Answer answer = stored(question);
            assertThat(answer).as(question.id()).isNotNull();
            if (question.type() == QuestionType.NARRATIVE) {
                assertThat(answer.value().text()).as(question.id()).isEqualTo(narratives.get(question.fills().ref()).strip());
            } else if (question.type() == QuestionType.YESNO) {
                assertThat(answer.value().number()).isEqualByComparingTo(BigDecimal.ONE);
            } else {
                assertThat(answer.value().number()).as(question.id()).isEqualByComparingTo(expectedNumber(question, typed.apply(question)));
            }
            assertThat(collection.history(period.getId(), question.id())).as(question.id()).hasSize(1);
        }

        String before = database();
        ImportResult again = sheets.importFile(culture.getId(), "BangSoLieu.xlsx", filled, REASON);
        assertThat(again.count(Status.UNCHANGED)).isEqualTo(flow.size());
        assertThat(again.text()).contains("không có ô nào khác");
        assertThat(database()).as("unchanged values are not stored again").isEqualTo(before);
    }

    static void writeQuietly(String name, byte[] file) {
        try {
            Files.write(Path.of("target", name), file);
        } catch (IOException e) {
            // only for looking at
        }
    }

    static BigDecimal expectedNumber(Question question, String typed) {
        Reading reading = question.type().read(typed, question.unit(), texts);
        assertThat(reading.ok()).as("%s: %s", question.id(), typed).isTrue();
        return reading.number();
    }

    @Test
    @Order(3)
    void aWholeAndItsPartLoweredTogetherAreBothStoredWhateverTheirOrder() {
        Question whole = context.report().questionsBySlot().get("bieu:I.2.1");
        Question part = context.report().questionsBySlot().get("bieu:I.2.2");
        BigDecimal storedWhole = stored(whole).value().number();
        assertThat(stored(part).value().number()).isGreaterThan(BigDecimal.ONE);
        byte[] filled = Workbooks.edit(template(culture), wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            cells.get(whole.id()).setCellValue("1");
            cells.get(part.id()).setCellValue("1");
        });
        ImportResult result = sheets.importFile(culture.getId(), "a.xlsx", filled, false);
        assertThat(result.rows(Status.STORED)).extracting(RowResult::place).containsExactlyInAnyOrder("I.2.1", "I.2.2");
        assertThat(stored(whole).value().number()).isEqualByComparingTo("1").isNotEqualByComparingTo(storedWhole);
        assertThat(stored(part).value().number()).isEqualByComparingTo("1");
    }

    @Test
    @Order(4)
    void aColleaguesChangeMeanwhileIsReportedNotOverwrittenAndAnUntouchedCellKeepsIt() {
        Flow flow = flow("trung-tam-hcc");
        Question first = flow.questions().get(0);
        Question second = flow.questions().get(1);
        Question third = flow.questions().get(2);
        assertThat(pipeline.answer(AnswerRequest.of(centre, period, first, AnswerInput.typed("10"), null))).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(pipeline.answer(AnswerRequest.of(centre, period, second, AnswerInput.typed("20"), null))).isInstanceOf(AnswerOutcome.Stored.class);
        byte[] lansTemplate = template(centre);
        // Minh changes both after Lan downloaded her template.
        assertThat(pipeline.answer(AnswerRequest.of(centreColleague, period, first, AnswerInput.typed("11"), stored(first).getVersion())))
                .isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(pipeline.answer(AnswerRequest.of(centreColleague, period, second, AnswerInput.typed("21"), stored(second).getVersion())))
                .isInstanceOf(AnswerOutcome.Stored.class);
        byte[] filled = Workbooks.edit(lansTemplate, wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            cells.get(first.id()).setCellValue("1 702");
            cells.get(third.id()).setCellValue("5");
            // the second is left as the template showed it (20)
        });
        ImportResult result = sheets.importFile(centre.getId(), "Lan.xlsx", filled, false);
        assertThat(result.rows(Status.CHANGED_MEANWHILE)).singleElement().satisfies(row -> {
            assertThat(row.questionId()).isEqualTo(first.id());
            assertThat(row.message()).contains("Minh", "11", "1.702");
        });
        assertThat(result.rows(Status.STORED)).extracting(RowResult::questionId).containsExactly(third.id());
        assertThat(stored(first).value().number()).isEqualByComparingTo("11");
        assertThat(stored(second).value().number()).as("an untouched cell keeps the colleague's newer value").isEqualByComparingTo("21");
        assertThat(stored(third).value().number()).isEqualByComparingTo("5");
    }

    @Test
    @Order(5)
    void aWrongCellIsRefusedWithItsReasonAndTheRestIsStored() {
        Flow flow = flow("trung-tam-hcc");
        Question fourth = flow.questions().get(3);
        Question fifth = flow.questions().get(4);
        byte[] filled = Workbooks.edit(template(centre), wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            cells.get(fourth.id()).setCellValue("mười hai");
            cells.get(fifth.id()).setCellValue("2.654");
        });
        String before = stored(fourth) == null ? null : stored(fourth).value().text();
        ImportResult result = sheets.importFile(centre.getId(), "Lan.xlsx", filled, false);
        assertThat(result.rows(Status.REFUSED)).singleElement().satisfies(row -> {
            assertThat(row.questionId()).isEqualTo(fourth.id());
            assertThat(row.message()).contains("không phải là một số");
        });
        assertThat(stored(fourth) == null ? null : stored(fourth).value().text()).isEqualTo(before);
        assertThat(stored(fifth).value().number()).isEqualByComparingTo("2654");
    }

    // ------------------------------------------------------------------ files refused whole

    @Test
    @Order(6)
    void everyBadFileIsRefusedWholeWithAClearMessageAndNothingStored() throws IOException {
        byte[] good = Workbooks.edit(template(culture), wb -> Workbooks.valueCells(wb).values().forEach(c -> c.setCellValue("7")));
        byte[] economyTemplate = Workbooks.edit(template(economy), wb -> Workbooks.valueCells(wb).values().forEach(c -> c.setCellValue("7")));
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("trống", new byte[0]);
        files.put("không phải là bảng tính Excel", "Đây là một tin nhắn, không phải bảng tính.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("kiểu cũ (.xls)", xls());
        files.put("bị hỏng", java.util.Arrays.copyOf(good, good.length / 2));
        files.put("nội dung nén của tệp bất thường", zipBomb());
        files.put("quá lớn", random(6 * 1024 * 1024));
        files.put("không phải bảng số liệu tải từ hệ thống", plainWorkbook());
        files.put("không phải là bảng tính Excel (docx)", docx());
        files.put("của Phòng Kinh tế, không phải của Phòng Văn hóa - Xã hội", economyTemplate);
        files.put("cho kỳ 6 tháng cuối năm 2025", inAnotherPeriod(good));
        files.put("mẫu cũ", withQuestionId(good, "vh-khong-con-nua"));
        for (Map.Entry<String, byte[]> bad : files.entrySet()) {
            String before = database();
            ImportResult result = sheets.importFile(culture.getId(), "tep.xlsx", bad.getValue(), true);
            assertThat(result.refused()).as(bad.getKey()).isTrue();
            assertThat(result.refusal()).as(bad.getKey()).contains("Không nhập tệp «tep.xlsx»", "Chưa có số liệu nào được lưu")
                    .contains(bad.getKey().replaceAll(" \\(.*\\)$", ""));
            assertThat(result.rows()).isEmpty();
            assertThat(database()).as(bad.getKey() + ": nothing stored").isEqualTo(before);
        }
    }

    @Test
    @Order(7)
    void aSubmittedPartTakesNoFile() {
        byte[] filled = Workbooks.edit(template(economy), wb -> Workbooks.valueCells(wb).values().forEach(c -> c.setCellValue("3")));
        collection.submit(period, "kinh-te", economy.getId(), List.of("kinh-te", "van-hoa-xa-hoi", "van-phong", "trung-tam-hcc"));
        String before = database();
        ImportResult result = sheets.importFile(economy.getId(), "kt.xlsx", filled, false);
        assertThat(result.refusal()).contains("đã nộp", "Văn phòng HĐND và UBND");
        assertThat(database()).isEqualTo(before);
        assertThat(sheets.template(economy.getId()).refusal()).contains("đã nộp");
    }

    @Test
    @Order(8)
    void aTemplateResavedByLibreOfficeStillImports(@TempDir Path work) {
        assumeTrue(Workbooks.libreOfficeAvailable(), "LibreOffice is not installed");
        Flow flow = flow("trung-tam-hcc");
        Question narrative = flow.questions().stream().filter(q -> q.type() == QuestionType.NARRATIVE).findFirst().orElseThrow();
        Question figure = flow.questions().get(6);
        String text = "Dòng một của mục.\nDòng hai: 2.654 hồ sơ, đạt 99,7%.";
        byte[] filled = Workbooks.edit(template(centre), wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            cells.get(narrative.id()).setCellValue(text);
            cells.get(figure.id()).setCellValue("1 234");
        });
        byte[] resaved = Workbooks.throughLibreOffice(filled, work, "xlsx");
        ImportResult result = sheets.importFile(centre.getId(), "LibreOffice.xlsx", resaved, false);
        assertThat(result.refusal()).isNull();
        assertThat(result.rows(Status.STORED)).extracting(RowResult::questionId).containsExactlyInAnyOrder(narrative.id(), figure.id());
        assertThat(stored(narrative).value().text()).isEqualTo(text);
        assertThat(stored(figure).value().number()).isEqualByComparingTo("1234");
    }

    @Test
    @Order(9)
    void aClosedPeriodTakesNoFile() {
        byte[] filled = Workbooks.edit(template(culture), wb -> Workbooks.valueCells(wb).values().forEach(c -> c.setCellValue("9")));
        bot.bean(PeriodService.class).close(period.getId());
        String before = database();
        ImportResult result = sheets.importFile(culture.getId(), "vh.xlsx", filled, false);
        assertThat(result.refusal()).contains("đã đóng");
        assertThat(database()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ bad files

    static byte[] xls() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Số liệu").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** 40 MB of zeros packed into a few dozen kilobytes, three times over, named like a workbook's parts. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] zeros = new byte[1024 * 1024];
            for (String name : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")) {
                zip.putNextEntry(new ZipEntry(name));
                for (int i = 0; i < 40; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }
        assertThat(out.size()).isLessThan(1024 * 1024);
        return out.toByteArray();
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    static byte[] plainWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Số liệu");
            sheet.createRow(0).createCell(0).setCellValue("STT");
            wb.createSheet("Lời văn");
            wb.createSheet("id");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] docx() throws IOException {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Báo cáo");
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The same template, made to name an earlier period (closed) that the database holds. */
    static byte[] inAnotherPeriod(byte[] file) {
        jdbc.update("insert into reporting_period (commune_code, report_code, period_key, starts_on, ends_on, status, opened_at, version)"
                + " values (?, ?, '2025-H2', date '2025-07-01', date '2025-12-31', 'CLOSED', current_timestamp, 0)",
                context.commune().code(), context.report().code());
        Long earlier = jdbc.queryForObject("select id from reporting_period where period_key = '2025-H2'", Long.class);
        return Workbooks.edit(file, wb -> {
            Sheet id = wb.getSheet(SheetIdentity.SHEET);
            for (org.apache.poi.ss.usermodel.Row row : id) {
                String key = row.getCell(0).getStringCellValue();
                if (key.equals("period")) {
                    row.getCell(1).setCellValue("2025-H2");
                } else if (key.equals("period-id")) {
                    row.getCell(1).setCellValue(String.valueOf(earlier));
                }
            }
        });
    }

    static byte[] withQuestionId(byte[] file, String questionId) {
        return Workbooks.edit(file, wb -> wb.getSheetAt(0).getRow(SheetColumns.HEADER_ROW + 2)
                .getCell(SheetColumns.FIGURE_META + SheetColumns.QUESTION_ID).setCellValue(questionId));
    }
}
