package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.TableRow;
import vn.communereport.testsupport.SeedReport;

class XlsxTableWriterTest {

    private static XSSFWorkbook open(byte[] content) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(content));
    }

    @Test
    void theSeedTableWithNumbersAsNumbersAndRatesAsFormulas() throws Exception {
        ReportData data = SeedFixture.seedData(LocalDate.of(2026, 6, 25));
        Map<String, String> seed = SeedReport.tableValues(SeedFixture.REPORT);
        try (XSSFWorkbook wb = open(new XlsxTableWriter().write(data))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BIỂU THỐNG KÊ SỐ LIỆU BÁO CÁO 6 THÁNG ĐẦU NĂM 2026");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("(Kèm theo Báo cáo số …/BC-UBND ngày 25/06/2026 của UBND xã Bình Lư)");
            XSSFRow header = sheet.getRow(XlsxTableWriter.HEADER_ROW);
            assertThat(List.of(0, 1, 2, 3)).extracting(c -> header.getCell(c).getStringCellValue())
                    .containsExactly("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu");

            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            List<TableRow> rows = SeedFixture.REPORT.rows();
            for (int i = 0; i < rows.size(); i++) {
                TableRow row = rows.get(i);
                XSSFRow r = sheet.getRow(XlsxTableWriter.HEADER_ROW + 1 + i);
                assertThat(r.getCell(0).getStringCellValue()).isEqualTo(row.stt());
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo(row.label());
                XSSFCell value = r.getCell(3);
                String expected = SeedReportDocxTest.expectedValue(row, seed);
                switch (row.kind()) {
                    case SECTION, GROUP -> assertThat(value.getCellType()).isEqualTo(CellType.BLANK);
                    case FIGURE -> {
                        if (expected.isEmpty()) {
                            assertThat(value.getCellType()).as(row.code()).isEqualTo(CellType.BLANK);
                        } else {
                            assertThat(value.getCellType()).as(row.code()).isEqualTo(CellType.NUMERIC);
                            assertThat(BigDecimal.valueOf(value.getNumericCellValue()))
                                    .isEqualByComparingTo(SeedFixture.parse(expected));
                        }
                    }
                    case COMPUTED -> {
                        assertThat(value.getCellType()).as(row.code()).isEqualTo(CellType.FORMULA);
                        CellValue evaluated = evaluator.evaluate(value);
                        if (expected.isEmpty()) {
                            assertThat(evaluated.getStringValue()).as(row.code()).isEmpty();
                        } else {
                            assertThat(BigDecimal.valueOf(evaluated.getNumberValue())).as(row.code())
                                    .isEqualByComparingTo(SeedFixture.parse(expected));
                            assertThat(BigDecimal.valueOf(evaluated.getNumberValue()))
                                    .isEqualByComparingTo(data.figures().number(row.code()));
                        }
                    }
                }
                boolean bold = wb.getFontAt(r.getCell(1).getCellStyle().getFontIndex()).getBold();
                assertThat(bold).as("row %s bold", row.code()).isEqualTo(row.kind() == TableRow.Kind.SECTION);
            }
            // I.2 is 45/79 of rows 2.2 and 2.1, when_zero zero; VI.1 is blank for 0/0.
            int i2 = XlsxTableWriter.HEADER_ROW + 1 + rows.indexOf(SeedFixture.REPORT.row("I.2").orElseThrow());
            assertThat(sheet.getRow(i2).getCell(3).getCellFormula())
                    .isEqualTo("IF(D" + (i2 + 2) + "=0,0,ROUND(D" + (i2 + 3) + "/D" + (i2 + 2) + "*100,2))");
            int vi1 = XlsxTableWriter.HEADER_ROW + 1 + rows.indexOf(SeedFixture.REPORT.row("VI.1").orElseThrow());
            assertThat(sheet.getRow(vi1).getCell(3).getCellFormula()).startsWith("IF(D" + (vi1 + 2) + "=0,\"\",");
        }
    }

    @Test
    void headerFrozenAndPrintedOnA4PortraitFittedToWidth() throws Exception {
        try (XSSFWorkbook wb = open(new XlsxTableWriter().write(SeedFixture.seedData(null)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(XlsxTableWriter.HEADER_ROW + 1);
            assertThat((int) sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getLandscape()).isFalse();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("4:4");
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(4 * sheet.getColumnWidth(0));
            assertThat(sheet.getRow(XlsxTableWriter.HEADER_ROW + 2).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(wb.getFontAt(0).getFontName()).isEqualTo("Times New Roman");
        }
    }

    @Test
    void textAnswersAreTextAndAwaitedFiguresAreMarked() throws Exception {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.put(SeedFixture.OWNERSHIP.rowQuestion("III.1.4").id(), AnswerValue.ofText("khoảng 358"));
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("I.2.1").id());
        ReportData data = SeedFixture.data(answers, SeedFixture.ALL_DEPARTMENTS);
        try (XSSFWorkbook wb = open(new XlsxTableWriter().write(data))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<TableRow> rows = SeedFixture.REPORT.rows();
            XSSFCell text = sheet.getRow(XlsxTableWriter.HEADER_ROW + 1 + indexOf(rows, "III.1.4")).getCell(3);
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("khoảng 358");
            for (String code : List.of("I.2.1", "I.2")) {
                XSSFCell marked = sheet.getRow(XlsxTableWriter.HEADER_ROW + 1 + indexOf(rows, code)).getCell(3);
                assertThat(marked.getStringCellValue()).isEqualTo("[Chưa có số liệu: Phòng Văn hóa - Xã hội]");
                assertThat(marked.getCellStyle().getFillForegroundColor())
                        .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.YELLOW.getIndex());
                // The marker wraps over five lines of its narrow column ("[Chưa có số | liệu: Phòng | Văn hóa - | Xã
                // hội]" and a little room): the row is as tall, so a printed table shows it whole.
                assertThat(marked.getRow().getHeightInPoints()).as("row %s height", code).isGreaterThanOrEqualTo(4 * 15.75f);
            }
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("DỰ THẢO");
        }
    }

    @Test
    void wrappedLinesCountsWordsThatDoNotFitTheLineAndWordsWiderThanTheColumn() {
        assertThat(XlsxTableWriter.wrappedLines("ab", 100)).isEqualTo(1);
        double word = vn.communereport.report.TextWidth.twips("Phòng", false, 12) / 20.0;
        assertThat(XlsxTableWriter.wrappedLines("Phòng Phòng Phòng", word * 2.5)).isEqualTo(2);
        assertThat(XlsxTableWriter.wrappedLines("Phòng Phòng Phòng", word * 1.1)).isEqualTo(3);
        assertThat(XlsxTableWriter.wrappedLines("Phòng", word / 2.2)).isEqualTo(3);
    }

    private static int indexOf(List<TableRow> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
