package vn.communereport.spreadsheet;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The template's looks, in the report's font: locked cells for what the person reads, light yellow unlocked cells
 * for what they fill, formatted as text so that "2.654" stays the way they typed it whatever Excel's language.
 */
final class SheetStyles {

    static final String FONT = "Times New Roman";
    private static final byte[] INPUT_FILL = {(byte) 0xFF, (byte) 0xF8, (byte) 0xD6};
    private static final byte[] HEADER_FILL = {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9};
    private static final byte[] HEADING_FILL = {(byte) 0xEE, (byte) 0xF2, (byte) 0xF7};
    private static final byte[] MUTED = {(byte) 0x59, (byte) 0x59, (byte) 0x59};

    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle instructions;
    final XSSFCellStyle header;
    final XSSFCellStyle heading;
    final XSSFCellStyle centre;
    final XSSFCellStyle text;
    final XSSFCellStyle note;
    final XSSFCellStyle previous;
    final XSSFCellStyle input;
    final XSSFCellStyle inputWide;
    final XSSFCellStyle hidden;
    final XSSFFont boldFont;
    final XSSFFont noteFont;

    SheetStyles(XSSFWorkbook wb) {
        XSSFFont base = wb.getFontAt(0);
        base.setFontName(FONT);
        base.setFontHeightInPoints((short) 12);
        XSSFFont regular = font(wb, false, false, 12);
        XSSFFont bold = font(wb, true, false, 12);
        XSSFFont italic = font(wb, false, true, 11);
        XSSFFont small = font(wb, false, true, 10);
        small.setColor(new XSSFColor(MUTED, null));
        short textFormat = wb.createDataFormat().getFormat("@");
        boldFont = bold;
        noteFont = small;

        title = plain(wb, font(wb, true, false, 14), HorizontalAlignment.CENTER);
        subtitle = plain(wb, italic, HorizontalAlignment.CENTER);
        instructions = plain(wb, italic, HorizontalAlignment.LEFT);
        instructions.setWrapText(true);
        instructions.setVerticalAlignment(VerticalAlignment.TOP);
        header = bordered(wb, bold, HorizontalAlignment.CENTER);
        header.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        heading = bordered(wb, bold, HorizontalAlignment.LEFT);
        heading.setFillForegroundColor(new XSSFColor(HEADING_FILL, null));
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        centre = bordered(wb, regular, HorizontalAlignment.CENTER);
        text = bordered(wb, regular, HorizontalAlignment.LEFT);
        note = bordered(wb, small, HorizontalAlignment.LEFT);
        previous = bordered(wb, regular, HorizontalAlignment.CENTER);
        previous.setDataFormat(textFormat);
        input = bordered(wb, regular, HorizontalAlignment.CENTER);
        unlockedInput(input, textFormat);
        inputWide = bordered(wb, regular, HorizontalAlignment.LEFT);
        inputWide.setVerticalAlignment(VerticalAlignment.TOP);
        unlockedInput(inputWide, textFormat);
        hidden = wb.createCellStyle();
        hidden.setDataFormat(textFormat);
    }

    private static void unlockedInput(XSSFCellStyle style, short textFormat) {
        style.setLocked(false);
        style.setDataFormat(textFormat);
        style.setFillForegroundColor(new XSSFColor(INPUT_FILL, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static XSSFFont font(XSSFWorkbook wb, boolean bold, boolean italic, int size) {
        XSSFFont font = wb.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) size);
        font.setBold(bold);
        font.setItalic(italic);
        return font;
    }

    private static XSSFCellStyle plain(XSSFWorkbook wb, XSSFFont font, HorizontalAlignment alignment) {
        XSSFCellStyle style = wb.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    private static XSSFCellStyle bordered(XSSFWorkbook wb, XSSFFont font, HorizontalAlignment alignment) {
        XSSFCellStyle style = plain(wb, font, alignment);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
