package vn.communereport.report;

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
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.communereport.definition.Compute;
import vn.communereport.definition.TableRow;

/**
 * Writes the statistics table as a workbook: title rows, a frozen header row, figures as numbers, rates as
 * formulas of their parts, printed on A4 portrait fitted to the page width.
 */
final class XlsxTableWriter {

    /** 0-based index of the header row; data starts on the next row. */
    static final int HEADER_ROW = 3;
    // Column widths in characters of the default font.
    private static final int[] WIDTHS = {7, 64, 15, 13};
    private static final double LINE_HEIGHT = 15.75;

    private static final class Styles {
        CellStyle title, subtitle, header, text, textBold, centre, centreBold, integer, decimal, integerBold, rate, marker;
    }

    byte[] write(ReportData data) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            Styles s = styles(wb);
            Sheet sheet = wb.createSheet(data.text("report.table.sheet"));
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            Row title = sheet.createRow(0);
            title.setHeightInPoints(21);
            cell(title, 0, data.particulars().tableTitle(), s.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            Row subtitle = sheet.createRow(1);
            cell(subtitle, 0, data.particulars().annexReference(), s.subtitle);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
            if (data.draft()) {
                Row draft = sheet.createRow(2);
                boolean awaited = data.report().rows().stream().anyMatch(r -> r.carriesValue() && data.figures().pending(r.code()));
                cell(draft, 0, data.text(awaited ? "report.table.draft-awaiting" : "report.table.draft-waiting"), s.marker);
                sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 3));
            }
            Row header = sheet.createRow(HEADER_ROW);
            header.setHeightInPoints((float) (2 * LINE_HEIGHT));
            for (int c = 0; c < DocxAnnex.HEADER_KEYS.length; c++) {
                cell(header, c, data.text(DocxAnnex.HEADER_KEYS[c]), s.header);
            }

            List<TableRow> rows = data.report().rows();
            Map<String, Integer> excelRow = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                excelRow.put(rows.get(i).code(), HEADER_ROW + 2 + i); // 1-based Excel row number
            }
            Figures figures = data.figures();
            for (int i = 0; i < rows.size(); i++) {
                TableRow row = rows.get(i);
                Row r = sheet.createRow(HEADER_ROW + 1 + i);
                boolean bold = row.kind() == TableRow.Kind.SECTION;
                cell(r, 0, row.stt(), bold ? s.centreBold : s.centre);
                cell(r, 1, row.label(), bold ? s.textBold : s.text);
                cell(r, 2, row.unit() == null ? "" : row.unit(), bold ? s.centreBold : s.centre);
                Cell value = r.createCell(3);
                value.setCellStyle(bold ? s.centreBold : s.centre);
                int lines = Math.max(1, (int) Math.ceil(TextWidth.twips(row.label(), bold, 12) / 20.0 / labelWidthPt()));
                if (row.carriesValue() && figures.pending(row.code())) {
                    String marker = data.cellMarker(row.code());
                    value.setCellValue(marker);
                    value.setCellStyle(s.marker);
                    lines = Math.max(lines, wrappedLines(marker, columnWidthPt(3)));
                } else if (row.kind() == TableRow.Kind.COMPUTED) {
                    value.setCellFormula(formula(row.compute(), excelRow, figures));
                    value.setCellStyle(s.rate);
                } else if (row.kind() == TableRow.Kind.FIGURE) {
                    Figures.Cell cell = figures.cell(row.code());
                    if (cell.state() == Figures.State.VALUE) {
                        BigDecimal number = cell.number();
                        value.setCellValue(number.doubleValue());
                        value.setCellStyle(isInteger(number) ? (bold ? s.integerBold : s.integer) : s.decimal);
                    } else if (cell.state() == Figures.State.TEXT) {
                        value.setCellValue(cell.text());
                    }
                }
                r.setHeightInPoints((float) (lines * LINE_HEIGHT));
            }

            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(false);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(Sheet.LeftMargin, 0.8);
            sheet.setMargin(Sheet.RightMargin, 0.5);
            sheet.setMargin(Sheet.TopMargin, 0.6);
            sheet.setMargin(Sheet.BottomMargin, 0.6);
            sheet.getFooter().setCenter(data.text("report.table.footer"));

            // Cached results, so viewers that do not recalculate still show the rates.
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double labelWidthPt() {
        return columnWidthPt(1);
    }

    private static double columnWidthPt(int column) {
        // A column of n characters is n digits of the default font (Times New Roman 12 pt: 8 px ≈ 6 pt) wide; take
        // a little less, so that a viewer measuring with another font still shows every line.
        return WIDTHS[column] * 5.5 - 2;
    }

    /** How many lines a viewer wrapping at spaces needs for {@code text} in a column {@code widthPt} wide (12 pt). */
    static int wrappedLines(String text, double widthPt) {
        double space = TextWidth.twips(" ", false, 12) / 20.0;
        int lines = 1;
        double used = 0;
        for (String word : text.split(" ")) {
            double width = TextWidth.twips(word, false, 12) / 20.0;
            if (used > 0 && used + space + width > widthPt) {
                lines++;
                used = 0;
            }
            // a word wider than the column is broken by the viewer over as many lines as it needs
            lines += (int) Math.max(0, Math.ceil(width / widthPt) - 1);
            used = used > 0 ? used + space + width : Math.min(width, widthPt);
        }
        return lines;
    }

    /**
     * =IF(D12=0,0,ROUND(D14/D12*100,2)); when_zero hundred → 100, empty → "". When the numerator has no value, a
     * guard leaves the rate blank as the report does.
     */
    static String formula(Compute compute, Map<String, Integer> excelRow, Figures figures) {
        String num = "D" + excelRow.get(compute.numerator());
        String den = "D" + excelRow.get(compute.denominator());
        String zero = switch (compute.whenZero()) {
            case ZERO -> "0";
            case HUNDRED -> "100";
            case EMPTY -> "\"\"";
        };
        String rate = "ROUND(" + num + "/" + den + "*100," + compute.decimals() + ")";
        if (figures.number(compute.numerator()) == null) {
            rate = "IF(" + num + "=\"\",\"\"," + rate + ")";
        }
        return "IF(" + den + "=0," + zero + "," + rate + ")";
    }

    private static boolean isInteger(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static Styles styles(XSSFWorkbook wb) {
        Font base = wb.getFontAt(0);
        base.setFontName(Docx.FONT);
        base.setFontHeightInPoints((short) 12);
        Font regular = font(wb, false, false, 12);
        Font bold = font(wb, true, false, 12);
        Font italic = font(wb, false, true, 12);
        Font titleFont = font(wb, true, false, 14);
        short integer = wb.createDataFormat().getFormat("#,##0");
        short decimal = wb.createDataFormat().getFormat("#,##0.##");

        Styles s = new Styles();
        s.title = wb.createCellStyle();
        s.title.setFont(titleFont);
        s.title.setAlignment(HorizontalAlignment.CENTER);
        s.title.setWrapText(true);
        s.subtitle = wb.createCellStyle();
        s.subtitle.setFont(italic);
        s.subtitle.setAlignment(HorizontalAlignment.CENTER);
        s.header = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.text = bordered(wb, regular, HorizontalAlignment.LEFT);
        s.textBold = bordered(wb, bold, HorizontalAlignment.LEFT);
        s.centre = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.centreBold = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.integer = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.integer.setDataFormat(integer);
        s.integerBold = bordered(wb, bold, HorizontalAlignment.CENTER);
        s.integerBold.setDataFormat(integer);
        s.decimal = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.decimal.setDataFormat(decimal);
        s.rate = bordered(wb, regular, HorizontalAlignment.CENTER);
        s.marker = bordered(wb, italic, HorizontalAlignment.CENTER);
        s.marker.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
        s.marker.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static Font font(XSSFWorkbook wb, boolean bold, boolean italic, int size) {
        Font font = wb.createFont();
        font.setFontName(Docx.FONT);
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
