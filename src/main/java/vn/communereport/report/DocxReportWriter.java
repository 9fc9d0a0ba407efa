package vn.communereport.report;

import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Signer;
import vn.communereport.definition.TableRow;

/**
 * Writes the report as a Word document laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: header block, title,
 * parts I–V with the departments' narratives ({@link DocxNarrative}), closing, recipients and signature, page numbers
 * from page two, then the statistics annex and, in a draft or when the rules found something, a "KIỂM TRA SỐ LIỆU"
 * page ({@link DocxAnnex}). Every word not from the definitions is in {@code i18n/report.properties}.
 */
final class DocxReportWriter {

    // Header block: issuing body | national title (≈ 38 % | 62 % of the text width).
    private static final int[] HEADER_COLUMNS = {3600, Docx.TEXT_WIDTH - 3600};
    // Recipients | signature.
    private static final int[] SIGNATURE_COLUMNS = {4500, Docx.TEXT_WIDTH - 4500};

    byte[] write(ReportData data) {
        XWPFDocument doc = Docx.newDocument();
        if (data.draft()) {
            // "Dự thảo" in a small frame at the top right (Phụ lục I, chỉ dẫn về dự thảo văn bản).
            String draftWord = data.text("report.draft");
            XWPFParagraph draft = Docx.centred(Docx.paragraph(doc, "Normal"));
            int box = TextWidth.twips(draftWord, true, 13) + 400;
            draft.setIndentationLeft(Docx.TEXT_WIDTH - box);
            Docx.spacing(draft, 0, 160);
            Docx.boxed(draft);
            Docx.run(draft, draftWord, true, false, 13);
        }
        header(doc, data);
        title(doc, data);
        DocxNarrative.body(doc, data, null);
        boolean annex = data.report().rows().stream().anyMatch(TableRow::carriesValue);
        if (annex) {
            XWPFParagraph note = Docx.paragraph(doc, Docx.BODY);
            Docx.run(note, data.text("report.annex-note"));
        }
        XWPFParagraph closing = Docx.paragraph(doc, Docx.BODY);
        Docx.run(closing, closing(data.templates().fill(data.report().closing())));
        signature(doc, data);
        if (annex) {
            DocxAnnex.annex(doc, data, data.report().rows(), data.particulars().tableTitle(), data.particulars().annexReference());
        }
        if (data.draft() || !data.checks().isEmpty() || !data.sentenceChecks().isEmpty()) {
            DocxAnnex.checks(doc, data, data.missing(), data.checks(), data.sentenceChecks());
        }
        return Docx.bytes(doc);
    }

    // ------------------------------------------------------------------ header block

    private void header(XWPFDocument doc, ReportData data) {
        CommuneDefinition commune = data.commune();
        XWPFTable table = Docx.table(doc, HEADER_COLUMNS, false);
        XWPFTableRow top = table.getRow(0);
        XWPFTableCell body = top.getCell(0);
        XWPFTableCell nation = top.getCell(1);
        int bodyWidth = HEADER_COLUMNS[0] - 2 * Docx.CELL_MARGIN;
        int nationWidth = HEADER_COLUMNS[1] - 2 * Docx.CELL_MARGIN;

        int longest = 0;
        for (String line : commune.issuingBody()) {
            String text = TemplateText.upper(line);
            XWPFParagraph p = Docx.centred(cellParagraph(body));
            Docx.run(p, text, true, false, 13);
            longest = Math.max(longest, TextWidth.twips(text, true, 13));
        }
        // A solid rule under the issuing body, 2/5 of its longest line.
        Docx.rule(cellParagraph(body), bodyWidth, Math.min(bodyWidth, longest * 2 / 5));

        String motto = data.text("report.motto");
        XWPFParagraph nationLine = Docx.centred(cellParagraph(nation));
        Docx.run(nationLine, data.text("report.nation"), true, false, 12);
        XWPFParagraph mottoLine = Docx.centred(cellParagraph(nation));
        Docx.run(mottoLine, motto, true, false, 13);
        // A solid rule as long as the motto.
        Docx.rule(cellParagraph(nation), nationWidth, Math.min(nationWidth, TextWidth.twips(motto, true, 13)));

        XWPFTableRow second = table.createRow();
        Docx.widths(second.getTableCells(), HEADER_COLUMNS);
        XWPFParagraph number = Docx.centred(cellParagraph(second.getCell(0)));
        Docx.spacing(number, 120, 0);
        Docx.run(number, data.particulars().documentNumber(), false, false, 13);
        XWPFParagraph date = Docx.centred(cellParagraph(second.getCell(1)));
        Docx.spacing(date, 120, 0);
        Docx.run(date, data.particulars().placeAndDate(), false, true, 14);
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell) {
        XWPFParagraph p = Docx.cellParagraph(cell);
        p.setStyle("Normal");
        return p;
    }

    private void title(XWPFDocument doc, ReportData data) {
        XWPFParagraph report = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(report, 360, 0);
        Docx.run(report, data.text("report.kind"), true, false, 14);
        String title = data.templates().fill(data.report().title());
        XWPFParagraph line = Docx.centred(Docx.paragraph(doc, "Normal"));
        List<String> lines = titleLines(title);
        int lineWidth = 0;
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun run = Docx.run(line, lines.get(i), true, false, 14);
            if (i + 1 < lines.size()) {
                run.addBreak();
            }
            lineWidth = Math.max(lineWidth, Math.min(Docx.TEXT_WIDTH, TextWidth.twips(lines.get(i), true, 14)));
        }
        // The short rule under the title: 2/5 of its longest line.
        Docx.rule(Docx.paragraph(doc, "Normal"), Docx.TEXT_WIDTH, lineWidth * 2 / 5);
        XWPFParagraph gap = Docx.paragraph(doc, "Normal");
        Docx.spacing(gap, 0, 120);
        XWPFParagraph opening = Docx.paragraph(doc, Docx.BODY);
        Docx.run(opening, data.particulars().opening());
    }

    /**
     * A title too long for one line is broken after its "; " when both halves then fit, as a clerk would
     * ("Kết quả … 6 tháng đầu năm 2026;" / "nhiệm vụ, giải pháp 6 tháng cuối năm 2026").
     */
    static List<String> titleLines(String title) {
        int split = title.indexOf("; ");
        if (TextWidth.twips(title, true, 14) <= Docx.TEXT_WIDTH || split < 0) {
            return List.of(title);
        }
        String first = title.substring(0, split + 1);
        String second = title.substring(split + 2);
        if (TextWidth.twips(first, true, 14) > Docx.TEXT_WIDTH || TextWidth.twips(second, true, 14) > Docx.TEXT_WIDTH) {
            return List.of(title);
        }
        return List.of(first, second);
    }

    static String closing(String text) {
        String trimmed = text.trim();
        if (trimmed.endsWith("./.")) {
            return trimmed;
        }
        return (trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed) + "./.";
    }

    // ------------------------------------------------------------------ recipients and signature

    private void signature(XWPFDocument doc, ReportData data) {
        CommuneDefinition commune = data.commune();
        XWPFParagraph gap = Docx.paragraph(doc, "Normal");
        Docx.spacing(gap, 0, 0);
        XWPFTable table = Docx.table(doc, SIGNATURE_COLUMNS, false);
        XWPFTableRow row = table.getRow(0);
        row.setCantSplitRow(true);
        XWPFTableCell left = row.getCell(0);
        XWPFTableCell right = row.getCell(1);

        XWPFParagraph label = cellParagraph(left);
        Docx.run(label, data.text("report.recipients"), true, true, 12);
        List<String> recipients = commune.recipients();
        for (String recipient : recipients) {
            XWPFParagraph item = cellParagraph(left);
            Docx.run(item, "- " + stripEnd(recipient) + ";", false, false, 11);
        }
        XWPFParagraph archive = cellParagraph(left);
        Docx.run(archive, "- " + stripEnd(commune.archive()) + ".", false, false, 11);

        Signer signer = commune.signer();
        XWPFParagraph onBehalf = Docx.centred(cellParagraph(right));
        Docx.run(onBehalf, TemplateText.upper(signer.onBehalf()), true, false, 14);
        XWPFParagraph title = Docx.centred(cellParagraph(right));
        Docx.run(title, TemplateText.upper(signer.title()), true, false, 14);
        for (int i = 0; i < 4; i++) {
            Docx.run(Docx.centred(cellParagraph(right)), "", false, false, 14);
        }
        XWPFParagraph name = Docx.centred(cellParagraph(right));
        Docx.run(name, signer.name(), true, false, 14);
    }

    private static String stripEnd(String text) {
        String t = text.strip();
        while (t.endsWith(";") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
