package vn.communereport.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Wording;
import vn.communereport.spreadsheet.PartLayout.Heading;
import vn.communereport.spreadsheet.PartLayout.Item;
import vn.communereport.spreadsheet.PartLayout.Line;

/**
 * Writes a department's template: a sheet of figures (STT, label, unit, last period's value, the value stored now,
 * a note) and a sheet of narrative blocks, both protected but for the cells to fill, printed on A4 landscape fitted
 * to the width, and the very hidden sheet that says what the file is for.
 */
final class TemplateWriter {

    /** What goes into one template. */
    record Content(SheetIdentity identity, String departmentName, String subtitle, String previousLabel, List<Line> figures,
                   List<Line> narratives, Map<String, Answer> current, Map<String, AnswerValue> previous) {
    }

    private static final double LINE_HEIGHT = 15.75;
    private static final float MAX_ROW_HEIGHT = 409;
    private static final int EMPTY_BLOCK_LINES = 6;
    private static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Wording texts;

    TemplateWriter(Wording texts) {
        this.texts = texts;
    }

    byte[] write(Content content) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            SheetStyles styles = new SheetStyles(wb);
            figures(wb, styles, content);
            narratives(wb, styles, content);
            content.identity().writeTo(wb);
            wb.setActiveSheet(0);
            // Sheets cannot be renamed, moved, deleted or unhidden: the reader finds them by position.
            wb.lockStructure();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void figures(XSSFWorkbook wb, SheetStyles s, Content content) {
        XSSFSheet sheet = wb.createSheet(texts.get("sheet.figures.sheet"));
        int[] widths = SheetColumns.FIGURE_WIDTHS;
        top(sheet, s, widths, texts.get("sheet.figures.title", upper(content.departmentName())), content.subtitle(),
                texts.get("sheet.figures.instructions"));
        XSSFRow header = sheet.createRow(SheetColumns.HEADER_ROW);
        String previous = content.previousLabel() == null ? texts.get("sheet.header.previous-none")
                : texts.get("sheet.header.previous", content.previousLabel());
        String[] titles = {texts.get("sheet.header.stt"), texts.get("sheet.header.label"), texts.get("sheet.header.unit"), previous,
                texts.get("sheet.header.current"), texts.get("sheet.header.note")};
        for (int c = 0; c < titles.length; c++) {
            cell(header, c, titles[c], s.header);
        }
        header.setHeightInPoints((float) (lines(previous, widths[SheetColumns.PREVIOUS]) * LINE_HEIGHT));
        DataValidationHelper validations = sheet.getDataValidationHelper();
        int r = SheetColumns.HEADER_ROW + 1;
        for (Line line : content.figures()) {
            XSSFRow row = sheet.createRow(r);
            if (line instanceof Heading heading) {
                cell(row, SheetColumns.STT, heading.number(), s.heading);
                cell(row, SheetColumns.LABEL, heading.title(), s.heading);
                for (int c = SheetColumns.UNIT; c <= SheetColumns.NOTE; c++) {
                    cell(row, c, "", s.heading);
                }
                sheet.addMergedRegion(new CellRangeAddress(r, r, SheetColumns.LABEL, SheetColumns.NOTE));
                row.setHeightInPoints(height(lines(heading.title(), widths[SheetColumns.LABEL] + 60)));
            } else {
                Item item = (Item) line;
                Question question = item.question();
                Answer stored = content.current().get(question.id());
                AnswerValue value = stored == null ? null : stored.value();
                String note = note(question);
                cell(row, SheetColumns.STT, item.number(), s.centre);
                cell(row, SheetColumns.LABEL, item.label(), s.text);
                cell(row, SheetColumns.UNIT, item.unit(), s.centre);
                cell(row, SheetColumns.PREVIOUS, CellValues.cellText(question, content.previous().get(question.id()), texts), s.previous);
                cell(row, SheetColumns.CURRENT, CellValues.cellText(question, value, texts), s.input);
                cell(row, SheetColumns.NOTE, note, s.note);
                meta(row, SheetColumns.FIGURE_META, question, stored, s.hidden);
                if (question.type() == QuestionType.YESNO) {
                    DataValidation choice = validations.createValidation(
                            validations.createExplicitListConstraint(new String[]{texts.get("value.yes"), texts.get("value.no")}),
                            new CellRangeAddressList(r, r, SheetColumns.CURRENT, SheetColumns.CURRENT));
                    choice.setShowErrorBox(false);
                    sheet.addValidationData(choice);
                }
                row.setHeightInPoints(height(Math.max(Math.max(lines(item.label(), widths[SheetColumns.LABEL]),
                        lines(item.unit(), widths[SheetColumns.UNIT])), lines(note, widths[SheetColumns.NOTE] + 6))));
            }
            r++;
        }
        finish(sheet, widths.length, SheetColumns.FIGURE_META);
    }

    private void narratives(XSSFWorkbook wb, SheetStyles s, Content content) {
        XSSFSheet sheet = wb.createSheet(texts.get("sheet.narratives.sheet"));
        int[] widths = SheetColumns.NARRATIVE_WIDTHS;
        top(sheet, s, widths, texts.get("sheet.narratives.title", upper(content.departmentName())), content.subtitle(),
                texts.get("sheet.narratives.instructions"));
        XSSFRow header = sheet.createRow(SheetColumns.HEADER_ROW);
        cell(header, SheetColumns.BLOCK, texts.get("sheet.header.block"), s.header);
        cell(header, SheetColumns.BLOCK_TITLE, texts.get("sheet.header.block-title"), s.header);
        cell(header, SheetColumns.CONTENT, texts.get("sheet.header.content"), s.header);
        int r = SheetColumns.HEADER_ROW + 1;
        for (Line line : content.narratives()) {
            XSSFRow row = sheet.createRow(r);
            if (line instanceof Heading heading) {
                cell(row, SheetColumns.BLOCK, heading.number(), s.heading);
                cell(row, SheetColumns.BLOCK_TITLE, heading.title(), s.heading);
                cell(row, SheetColumns.CONTENT, "", s.heading);
                sheet.addMergedRegion(new CellRangeAddress(r, r, SheetColumns.BLOCK_TITLE, SheetColumns.CONTENT));
                row.setHeightInPoints(height(lines(heading.title(), widths[SheetColumns.BLOCK_TITLE] + widths[SheetColumns.CONTENT])));
            } else {
                Item item = (Item) line;
                Question question = item.question();
                Answer stored = content.current().get(question.id());
                String text = CellValues.cellText(question, stored == null ? null : stored.value(), texts);
                boolean fits = text.length() <= CELL_LIMIT;
                String prompt = question.prompt() + (question.optional() ? "\n" + texts.get("sheet.hint.optional") : "");
                String title = item.label() + "\n" + prompt;
                cell(row, SheetColumns.BLOCK, item.number(), s.centre);
                XSSFRichTextString rich = new XSSFRichTextString(title);
                rich.applyFont(0, item.label().length(), s.boldFont);
                rich.applyFont(item.label().length(), title.length(), s.noteFont);
                XSSFCell titleCell = row.createCell(SheetColumns.BLOCK_TITLE);
                titleCell.setCellValue(rich);
                titleCell.setCellStyle(s.note);
                cell(row, SheetColumns.CONTENT, fits ? text : texts.get("sheet.too-long-for-cell"), fits ? s.inputWide : s.text);
                meta(row, SheetColumns.NARRATIVE_META, question, fits ? stored : null, s.hidden);
                if (!fits) {
                    row.getCell(SheetColumns.NARRATIVE_META + SheetColumns.QUESTION_ID).setCellValue("");
                }
                // LibreOffice does not fit a row to its text on opening: the row is sized for what is stored, with room
                // to write when nothing is yet.
                int textLines = text.isEmpty() ? EMPTY_BLOCK_LINES : lines(text, widths[SheetColumns.CONTENT]);
                row.setHeightInPoints(height(Math.max(lines(title, widths[SheetColumns.BLOCK_TITLE] + 6), textLines)));
            }
            r++;
        }
        finish(sheet, widths.length, SheetColumns.NARRATIVE_META);
    }

    /** Title, subtitle and instructions above the header row, across the visible columns. */
    private static void top(XSSFSheet sheet, SheetStyles s, int[] widths, String title, String subtitle, String instructions) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int last = widths.length - 1;
        XSSFRow first = sheet.createRow(0);
        first.setHeightInPoints(21);
        cell(first, 0, title, s.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        cell(sheet.createRow(1), 0, subtitle, s.subtitle);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        XSSFRow third = sheet.createRow(2);
        cell(third, 0, instructions, s.instructions);
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, last));
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        third.setHeightInPoints(height(lines(instructions, total)));
    }

    /** The question's id, the version of the answer shown and its fingerprint, in the row's hidden columns. */
    private static void meta(XSSFRow row, int first, Question question, Answer stored, XSSFCellStyle style) {
        cell(row, first + SheetColumns.QUESTION_ID, question.id(), style);
        cell(row, first + SheetColumns.VERSION, stored == null ? "" : String.valueOf(stored.getVersion()), style);
        cell(row, first + SheetColumns.FINGERPRINT, CellValues.fingerprint(stored == null ? null : stored.value()), style);
    }

    /** Hidden bookkeeping columns, header row frozen and repeated, protection, A4 landscape fitted to the width. */
    private void finish(XSSFSheet sheet, int visibleColumns, int firstHidden) {
        for (int c = firstHidden; c < firstHidden + 3; c++) {
            sheet.setColumnHidden(c, true);
        }
        sheet.createFreezePane(0, SheetColumns.HEADER_ROW + 1);
        sheet.setRepeatingRows(new CellRangeAddress(SheetColumns.HEADER_ROW, SheetColumns.HEADER_ROW, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.5);
        sheet.setMargin(Sheet.RightMargin, 0.5);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter(texts.get("sheet.footer"));
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, visibleColumns - 1, 0,
                Math.max(sheet.getLastRowNum(), 0));
        // Locked but for the cells to fill; no password, so a clerk who must can unlock it on purpose.
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatRows(false);
    }

    private String note(Question question) {
        String hint = texts.get("sheet.hint." + question.type().yamlName());
        String optional = question.optional() ? " " + texts.get("sheet.hint.optional") : "";
        return question.help() == null || question.help().isBlank() ? hint + optional : hint + optional + " " + question.help();
    }

    private static XSSFCell cell(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(text == null ? "" : text);
        cell.setCellStyle(style);
        return cell;
    }

    /** Lines a wrapped text takes in a column this many characters wide (a little narrower, to be safe). */
    static int lines(String text, int widthChars) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int perLine = Math.max(1, (int) (widthChars * 1.05) - 2);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    private static float height(int lines) {
        return (float) Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2);
    }

    private static String upper(String text) {
        return text.toUpperCase(java.util.Locale.forLanguageTag("vi-VN"));
    }
}
