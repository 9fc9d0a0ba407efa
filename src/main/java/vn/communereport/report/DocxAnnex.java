package vn.communereport.report;

import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import vn.communereport.definition.TableRow;

/**
 * The pages after the report proper: the statistics annex as a Word table (awaited values highlighted), and the
 * "KIỂM TRA SỐ LIỆU" page listing what is missing and what the rules found, for the office to review.
 */
final class DocxAnnex {

    // STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu.
    static final int[] COLUMNS = {850, 5104, 1700, 1700};
    /** The column headings of the table, in DOCX and XLSX alike. */
    static final String[] HEADER_KEYS = {"report.annex.header.stt", "report.annex.header.label",
            "report.annex.header.unit", "report.annex.header.value"};

    private DocxAnnex() {
    }

    /** The given rows under a title on a new page. */
    static void annex(XWPFDocument doc, ReportData data, List<TableRow> rows, String title, String subtitle) {
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        heading.setPageBreak(true);
        Docx.run(heading, title, true, false, 14);
        XWPFParagraph reference = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(reference, 60, 240);
        Docx.run(reference, subtitle, false, true, 13);

        XWPFTable table = Docx.table(doc, COLUMNS, true);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < HEADER_KEYS.length; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = tableParagraph(cell, ParagraphAlignment.CENTER);
            Docx.run(p, data.text(HEADER_KEYS[c]), true, false, 0);
        }
        Figures figures = data.figures();
        for (TableRow row : rows) {
            XWPFTableRow r = table.createRow();
            r.setCantSplitRow(true);
            Docx.widths(r.getTableCells(), COLUMNS);
            boolean bold = row.kind() == TableRow.Kind.SECTION;
            cellText(r.getCell(0), row.stt(), bold, ParagraphAlignment.CENTER);
            cellText(r.getCell(1), row.label(), bold, ParagraphAlignment.LEFT);
            cellText(r.getCell(2), row.unit() == null ? "" : row.unit(), bold, ParagraphAlignment.CENTER);
            XWPFTableCell value = r.getCell(3);
            value.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = tableParagraph(value, ParagraphAlignment.CENTER);
            if (row.carriesValue() && figures.pending(row.code())) {
                Docx.marker(p, data.cellMarker(row.code())).setFontSize(10);
            } else if (row.carriesValue()) {
                Docx.run(p, figures.display(row.code()), bold, false, 0);
            }
        }
    }

    private static void cellText(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = tableParagraph(cell, alignment);
        Docx.run(p, text, bold, false, 0);
    }

    private static XWPFParagraph tableParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph p = Docx.cellParagraph(cell);
        p.setStyle(Docx.TABLE_TEXT);
        p.setAlignment(alignment);
        return p;
    }

    /** The check page; {@code missing} empty leaves out its first part (a department's own part has none). */
    static void checks(XWPFDocument doc, ReportData data, List<MissingPart> missing, List<CheckLine> findings) {
        checks(doc, data, missing, findings, List.of());
    }

    /** The check page with {@code sentences}, the edited drafted sentences that quote figures differently from the table. */
    static void checks(XWPFDocument doc, ReportData data, List<MissingPart> missing, List<CheckLine> findings,
                       List<String> sentences) {
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        heading.setPageBreak(true);
        Docx.run(heading, data.text("report.checks.title"), true, false, 14);
        XWPFParagraph note = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(note, 60, 240);
        Docx.run(note, data.text("report.checks.note"), false, true, 13);

        if (!missing.isEmpty()) {
            int total = missing.stream().mapToInt(MissingPart::total).sum();
            long departments = missing.stream().filter(m -> m.total() > 0).count();
            XWPFParagraph summary = Docx.paragraph(doc, Docx.BODY);
            Docx.run(summary, data.text("report.checks.missing-heading"), true, false, 0);
            XWPFParagraph line = Docx.paragraph(doc, Docx.BODY);
            Docx.run(line, total == 0
                    ? data.text("report.checks.all-in-waiting")
                    : data.text("report.checks.missing-summary", total, departments));
            for (MissingPart part : missing) {
                Docx.run(Docx.paragraph(doc, Docx.BODY), "- " + part.description() + ";");
            }
        }
        XWPFParagraph rulesHeading = Docx.paragraph(doc, Docx.BODY);
        Docx.run(rulesHeading, data.text(missing.isEmpty() ? "report.checks.rules-heading" : "report.checks.rules-heading-numbered"),
                true, false, 0);
        if (findings.isEmpty() && sentences.isEmpty()) {
            Docx.run(Docx.paragraph(doc, Docx.BODY), data.text("report.checks.no-findings"));
        }
        for (CheckLine finding : findings) {
            XWPFParagraph p = Docx.paragraph(doc, Docx.BODY);
            String kind = switch (finding.kind()) {
                case ERROR -> "report.finding.error";
                case WARNING -> "report.finding.warning";
                case OUTLIER -> "reasons.finding.outlier";
            };
            Docx.run(p, "- " + data.text(kind) + ": ", true, false, 0);
            Docx.run(p, finding.description());
            for (String reason : finding.reasons()) {
                // next to the finding: why the department kept the figure
                Docx.run(p, " " + reason, false, true, 0);
            }
        }
        for (String sentence : sentences) {
            XWPFParagraph p = Docx.paragraph(doc, Docx.BODY);
            Docx.run(p, "- " + data.text("report.finding.warning") + ": ", true, false, 0);
            Docx.run(p, sentence);
        }
    }
}
