package vn.communereport.province.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.communereport.definition.Compute;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.Wording;
import vn.communereport.province.progress.CommuneStatus;

/**
 * The province's statistics table: the report's rows, a "whole province" column and one column per commune. Counts are
 * summed over the communes whose report is complete; a rate is recomputed from the summed parts (never an average of
 * the communes' rates); a commune not complete is marked in its column and left out of the sum, not counted as zero.
 * Sums and rates are formulas, with their results stored, so the sheet shows how each total is made.
 */
final class SummaryWorkbook {

    static final int HEADER_ROW = 3;
    static final int STATUS_ROW = 4;
    static final int FIRST_DATA_ROW = 5;
    static final int TOTAL_COLUMN = 3;
    static final int FIRST_COMMUNE_COLUMN = 4;
    private static final String FONT = "Times New Roman";
    private static final int LABEL_WIDTH = 52;
    private static final int UNIT_WIDTH = 15;
    private static final float LINE_HEIGHT = 15.75f;

    private static final class Styles {
        CellStyle title, subtitle, header, headerMarked, text, textBold, centre, centreBold, integer, decimal, rate, yesNoTotal,
                marked, note;
    }

    private final Wording texts;

    SummaryWorkbook(Wording texts) {
        this.texts = texts;
    }

    byte[] write(ReportDefinition report, String title, String subtitle, List<SummaryColumn> columns) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            Styles s = styles(wb);
            Sheet sheet = wb.createSheet(texts.get("province.xlsx.sheet"));
            int lastColumn = FIRST_COMMUNE_COLUMN + columns.size() - 1;
            sheet.setColumnWidth(0, 7 * 256);
            sheet.setColumnWidth(1, LABEL_WIDTH * 256);
            sheet.setColumnWidth(2, UNIT_WIDTH * 256);
            sheet.setColumnWidth(TOTAL_COLUMN, 14 * 256);
            for (int c = FIRST_COMMUNE_COLUMN; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            // title and note over the columns every printed page repeats and the first communes: all on the first page
            int width = Math.max(TOTAL_COLUMN, Math.min(lastColumn, TOTAL_COLUMN + 3));
            text(sheet.createRow(0), 0, title, s.title).getRow().setHeightInPoints(21);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width));
            text(sheet.createRow(1), 0, subtitle, s.subtitle).getRow().setHeightInPoints(3 * LINE_HEIGHT);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, width));

            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints(33);
            text(header, 0, texts.get("province.xlsx.stt"), s.header);
            text(header, 1, texts.get("province.xlsx.label"), s.header);
            text(header, 2, texts.get("province.xlsx.unit"), s.header);
            text(header, TOTAL_COLUMN, texts.get("province.xlsx.total"), s.header);
            Row status = sheet.createRow(STATUS_ROW);
            status.setHeightInPoints(33);
            text(status, 0, "", s.centre);
            text(status, 1, texts.get("province.xlsx.status"), s.textBold);
            text(status, 2, "", s.centre);
            long counted = columns.stream().filter(SummaryColumn::counted).count();
            text(status, TOTAL_COLUMN, texts.get("province.xlsx.status-total", counted, columns.size()), s.centreBold);
            for (int i = 0; i < columns.size(); i++) {
                SummaryColumn column = columns.get(i);
                CellStyle style = column.counted() ? s.header : s.headerMarked;
                text(header, FIRST_COMMUNE_COLUMN + i, column.status().commune().name(), style);
                text(status, FIRST_COMMUNE_COLUMN + i, statusText(column.status()), column.counted() ? s.centre : s.marked);
            }

            List<TableRow> rows = report.rows();
            Map<String, Integer> excelRow = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                excelRow.put(rows.get(i).code(), FIRST_DATA_ROW + 1 + i); // 1-based, as formulas name rows
            }
            Map<String, Question> bySlot = report.questionsBySlot();
            String firstCommune = CellReference.convertNumToColString(FIRST_COMMUNE_COLUMN);
            String lastCommune = CellReference.convertNumToColString(Math.max(lastColumn, FIRST_COMMUNE_COLUMN));
            boolean notSummed = false;
            for (int i = 0; i < rows.size(); i++) {
                TableRow row = rows.get(i);
                Row r = sheet.createRow(FIRST_DATA_ROW + i);
                boolean bold = row.kind() == TableRow.Kind.SECTION;
                text(r, 0, row.stt(), bold ? s.centreBold : s.centre);
                text(r, 1, row.label(), bold ? s.textBold : s.text);
                text(r, 2, row.unit() == null ? "" : row.unit(), bold ? s.centreBold : s.centre);
                r.setHeightInPoints(lines(row) * LINE_HEIGHT);
                Question question = bySlot.get("bieu:" + row.code());
                QuestionType type = question == null ? null : question.type();
                // the province's column
                Cell total = r.createCell(TOTAL_COLUMN);
                total.setCellStyle(bold ? s.centreBold : s.centre);
                if (counted > 0 && row.kind() == TableRow.Kind.COMPUTED) {
                    total.setCellFormula(rate(row.compute(), CellReference.convertNumToColString(TOTAL_COLUMN), excelRow));
                    total.setCellStyle(s.rate);
                } else if (counted > 0 && row.kind() == TableRow.Kind.FIGURE && type != null && type.numeric()) {
                    if (type == QuestionType.PERCENT) {
                        // a rate typed in, without its parts in the table: it cannot be summed, and an average is no rate
                        total.setCellValue(texts.get("province.xlsx.not-summed-mark"));
                        notSummed = true;
                    } else if (anyValue(columns, row.code())) {
                        total.setCellFormula("SUM(" + firstCommune + (FIRST_DATA_ROW + 1 + i) + ":" + lastCommune + (FIRST_DATA_ROW + 1 + i) + ")");
                        total.setCellStyle(type == QuestionType.YESNO ? s.yesNoTotal : type == QuestionType.DECIMAL ? s.decimal : s.integer);
                    }
                }
                // each commune's column
                for (int c = 0; c < columns.size(); c++) {
                    SummaryColumn column = columns.get(c);
                    Cell cell = r.createCell(FIRST_COMMUNE_COLUMN + c);
                    cell.setCellStyle(column.counted() ? (bold ? s.centreBold : s.centre) : s.marked);
                    if (!column.counted() || !row.carriesValue()) {
                        continue;
                    }
                    if (row.kind() == TableRow.Kind.COMPUTED) {
                        cell.setCellFormula(rate(row.compute(), CellReference.convertNumToColString(FIRST_COMMUNE_COLUMN + c), excelRow));
                        cell.setCellStyle(s.rate);
                        continue;
                    }
                    BigDecimal number = column.figures().number(row.code());
                    if (number != null) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(number.stripTrailingZeros().scale() <= 0 ? s.integer : s.decimal);
                    } else if (column.figures().text(row.code()) != null) {
                        cell.setCellValue(column.figures().text(row.code()));
                    }
                }
            }
            int noteRow = FIRST_DATA_ROW + rows.size() + 1;
            text(sheet.createRow(noteRow), 1, texts.get("province.xlsx.note-counted"), s.note);
            if (notSummed) {
                text(sheet.createRow(noteRow + 1), 1, texts.get("province.xlsx.note-not-summed"), s.note);
            }

            sheet.createFreezePane(FIRST_COMMUNE_COLUMN, FIRST_DATA_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, STATUS_ROW, -1, -1));
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, TOTAL_COLUMN));
            PrintSetup print = sheet.getPrintSetup();
            // A3 across: the repeated columns and six communes a page
            print.setPaperSize(PrintSetup.A3_PAPERSIZE);
            print.setLandscape(true);
            sheet.setMargin(Sheet.LeftMargin, 0.5);
            sheet.setMargin(Sheet.RightMargin, 0.5);
            sheet.setMargin(Sheet.TopMargin, 0.6);
            sheet.setMargin(Sheet.BottomMargin, 0.6);
            sheet.getFooter().setCenter(texts.get("province.xlsx.footer"));

            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines a row needs, its label and unit wrapped in their columns (a character is about one unit of width). */
    private static int lines(TableRow row) {
        int label = (int) Math.ceil(row.label().length() / (LABEL_WIDTH * 1.2));
        int unit = row.unit() == null ? 1 : (int) Math.ceil(row.unit().length() / (UNIT_WIDTH * 1.0 - 2));
        return Math.max(1, Math.max(label, unit));
    }

    private String statusText(CommuneStatus status) {
        return switch (status.state()) {
            case NOT_OPENED -> texts.get("province.xlsx.not-opened");
            case IN_PROGRESS, OVERDUE -> texts.get("province.xlsx.incomplete", status.submitted(), status.expected());
            case COMPLETE_ON_TIME -> texts.get("province.xlsx.complete");
            case COMPLETE_LATE -> texts.get("province.xlsx.complete-late");
        };
    }

    private static boolean anyValue(List<SummaryColumn> columns, String rowCode) {
        return columns.stream().anyMatch(c -> c.counted() && c.figures().number(rowCode) != null);
    }

    /**
     * The report's own rate formula on one column: =IF(OR(D12="",D12=0),0,IF(D14="","",ROUND(D14/D12*100,2))); when_zero
     * hundred → 100, empty → "". A missing numerator leaves the rate blank, as the commune's report does.
     */
    static String rate(Compute compute, String column, Map<String, Integer> excelRow) {
        String num = column + excelRow.get(compute.numerator());
        String den = column + excelRow.get(compute.denominator());
        String zero = switch (compute.whenZero()) {
            case ZERO -> "0";
            case HUNDRED -> "100";
            case EMPTY -> "\"\"";
        };
        return "IF(OR(" + den + "=\"\"," + den + "=0)," + zero + ",IF(" + num + "=\"\",\"\",ROUND(" + num + "/" + den + "*100," + compute.decimals() + ")))";
    }

    private static Cell text(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        return cell;
    }

    private Styles styles(XSSFWorkbook wb) {
        Font base = wb.getFontAt(0);
        base.setFontName(FONT);
        base.setFontHeightInPoints((short) 12);
        Font regular = font(wb, false, false, 12);
        Font bold = font(wb, true, false, 12);
        Font italic = font(wb, false, true, 11);
        Font titleFont = font(wb, true, false, 14);
        Styles s = new Styles();
        s.title = wb.createCellStyle();
        s.title.setFont(titleFont);
        s.title.setVerticalAlignment(VerticalAlignment.CENTER);
        s.subtitle = wb.createCellStyle();
        s.subtitle.setFont(italic);
        s.subtitle.setWrapText(true);
        s.subtitle.setVerticalAlignment(VerticalAlignment.TOP);
        s.note = wb.createCellStyle();
        s.note.setFont(italic);
        s.header = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.headerMarked = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.headerMarked.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.headerMarked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.text = bordered(wb, regular, HorizontalAlignment.LEFT);
        s.textBold = bordered(wb, bold, HorizontalAlignment.LEFT);
        s.centre = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.centreBold = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.integer = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        s.decimal = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));
        s.rate = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.yesNoTotal = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.yesNoTotal.setDataFormat(wb.createDataFormat().getFormat(texts.get("province.xlsx.yesno-format")));
        s.marked = bordered(wb, italic, HorizontalAlignment.CENTER);
        s.marked.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.marked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static Font font(XSSFWorkbook wb, boolean bold, boolean italic, int size) {
        Font font = wb.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) size);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }

    private static CellStyle bordered(XSSFWorkbook wb, Font font, HorizontalAlignment alignment) {
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
