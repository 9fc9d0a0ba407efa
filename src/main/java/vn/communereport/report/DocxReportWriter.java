package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.Signer;
import vn.communereport.definition.TableRow;

/**
 * Writes the report as a Word document laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: header block, title,
 * parts I–V with the departments' narratives, closing, recipients and signature, page numbers from page two, then
 * the statistics annex and, in a draft or when the rules found something, a "KIỂM TRA SỐ LIỆU" page.
 */
final class DocxReportWriter {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String REPORT = "BÁO CÁO";
    static final String DRAFT = "Dự thảo";
    static final String CHECK_TITLE = "KIỂM TRA SỐ LIỆU";
    static final String ANNEX_NOTE = "Số liệu cụ thể tại Biểu thống kê số liệu kèm theo Báo cáo này.";

    // Header block: issuing body | national title (≈ 38 % | 62 % of the text width).
    private static final int[] HEADER_COLUMNS = {3600, Docx.TEXT_WIDTH - 3600};
    // Recipients | signature.
    private static final int[] SIGNATURE_COLUMNS = {4500, Docx.TEXT_WIDTH - 4500};
    // STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu.
    static final int[] ANNEX_COLUMNS = {850, 5104, 1700, 1700};
    static final String[] ANNEX_HEADER = {"STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"};

    byte[] write(ReportData data) {
        XWPFDocument doc = Docx.newDocument();
        if (data.draft()) {
            // "Dự thảo" in a small frame at the top right (Phụ lục I, chỉ dẫn về dự thảo văn bản).
            XWPFParagraph draft = Docx.centred(Docx.paragraph(doc, "Normal"));
            int box = TextWidth.twips(DRAFT, true, 13) + 400;
            draft.setIndentationLeft(Docx.TEXT_WIDTH - box);
            Docx.spacing(draft, 0, 160);
            Docx.boxed(draft);
            Docx.run(draft, DRAFT, true, false, 13);
        }
        header(doc, data);
        title(doc, data);
        body(doc, data, null);
        boolean annex = data.report().rows().stream().anyMatch(TableRow::carriesValue);
        if (annex) {
            XWPFParagraph note = Docx.paragraph(doc, Docx.BODY);
            Docx.run(note, ANNEX_NOTE);
        }
        XWPFParagraph closing = Docx.paragraph(doc, Docx.BODY);
        Docx.run(closing, closing(data.templates().fill(data.report().closing())));
        signature(doc, data.commune());
        if (annex) {
            annex(doc, data, data.report().rows(), data.tableTitle(), data.annexReference());
        }
        if (data.draft() || !data.findings().isEmpty()) {
            checks(doc, data, data.missing(), data.findings());
        }
        return Docx.bytes(doc);
    }

    /** One department's own part: its blocks under their headings, its figures, and its own rule findings. */
    byte[] writeDepartmentPart(ReportData data, String departmentCode, List<RuleFinding> findings) {
        XWPFDocument doc = Docx.newDocument();
        String name = data.departmentName(departmentCode);
        XWPFParagraph top = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.run(top, TemplateText.upper(data.commune().issuingBodyName()), true, false, 13);
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(heading, 240, 0);
        Docx.run(heading, "PHẦN BÁO CÁO CỦA " + TemplateText.upper(name), true, false, 14);
        XWPFParagraph what = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.run(what, data.report().name() + " " + data.period().label(), true, false, 14);
        XWPFParagraph rule = Docx.paragraph(doc, "Normal");
        Docx.rule(rule, Docx.TEXT_WIDTH, 2200);
        XWPFParagraph status = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(status, 120, 240);
        MissingPart missing = data.missing().stream().filter(m -> m.departmentCode().equals(departmentCode)).findFirst()
                .orElse(new MissingPart(departmentCode, name, 0, 0, data.submitted(departmentCode)));
        Docx.run(status, "(" + (missing.submitted() ? "Đã nộp" : "Chưa nộp") + "; "
                + (missing.total() == 0 ? "đủ nội dung" : "còn thiếu " + counts(missing)) + ")", false, true, 13);

        body(doc, data, departmentCode);

        List<TableRow> rows = departmentRows(data, departmentCode);
        if (rows.stream().anyMatch(TableRow::carriesValue)) {
            annex(doc, data, rows, "SỐ LIỆU CỦA " + TemplateText.upper(name),
                    "(Các chỉ tiêu của " + data.tableTitle().toLowerCase(TemplateText.VIETNAMESE) + " do " + name + " cung cấp)");
        }
        if (!findings.isEmpty()) {
            checks(doc, data, List.of(), findings);
        }
        return Docx.bytes(doc);
    }

    private static String counts(MissingPart part) {
        List<String> pieces = new ArrayList<>();
        if (part.missingFigures() > 0) {
            pieces.add(part.missingFigures() + " số liệu");
        }
        if (part.missingBlocks() > 0) {
            pieces.add(part.missingBlocks() + " mục lời văn");
        }
        return String.join(", ", pieces);
    }

    /** The department's rows with the section and group rows above them. */
    static List<TableRow> departmentRows(ReportData data, String departmentCode) {
        List<TableRow> all = data.report().rows();
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TableRow row = all.get(i);
            if (row.carriesValue()) {
                if (data.ownership().ownsRow(departmentCode, row.code())) {
                    rows.add(row);
                }
                continue;
            }
            // A section or group row is kept when a row under it (code prefix) is the department's.
            String prefix = row.code() + ".";
            boolean holds = false;
            for (int j = i + 1; j < all.size() && !holds; j++) {
                TableRow below = all.get(j);
                holds = below.code().startsWith(prefix) && below.carriesValue() && data.ownership().ownsRow(departmentCode, below.code());
            }
            if (holds) {
                rows.add(row);
            }
        }
        return rows;
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

        XWPFParagraph nationLine = Docx.centred(cellParagraph(nation));
        Docx.run(nationLine, NATION, true, false, 12);
        XWPFParagraph motto = Docx.centred(cellParagraph(nation));
        Docx.run(motto, MOTTO, true, false, 13);
        // A solid rule as long as the motto.
        Docx.rule(cellParagraph(nation), nationWidth, Math.min(nationWidth, TextWidth.twips(MOTTO, true, 13)));

        XWPFTableRow second = table.createRow();
        Docx.widths(second.getTableCells(), HEADER_COLUMNS);
        XWPFParagraph number = Docx.centred(cellParagraph(second.getCell(0)));
        Docx.spacing(number, 120, 0);
        Docx.run(number, data.documentNumber(), false, false, 13);
        XWPFParagraph date = Docx.centred(cellParagraph(second.getCell(1)));
        Docx.spacing(date, 120, 0);
        Docx.run(date, data.placeAndDate(), false, true, 14);
    }

    private static XWPFParagraph cellParagraph(XWPFTableCell cell) {
        XWPFParagraph p = Docx.cellParagraph(cell);
        p.setStyle("Normal");
        return p;
    }

    private void title(XWPFDocument doc, ReportData data) {
        XWPFParagraph report = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(report, 360, 0);
        Docx.run(report, REPORT, true, false, 14);
        String title = data.templates().fill(data.report().title());
        XWPFParagraph line = Docx.centred(Docx.paragraph(doc, "Normal"));
        List<String> lines = titleLines(title);
        int lineWidth = 0;
        for (int i = 0; i < lines.size(); i++) {
            org.apache.poi.xwpf.usermodel.XWPFRun run = Docx.run(line, lines.get(i), true, false, 14);
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
        Docx.run(opening, data.templates().fill(data.report().opening()));
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

    // ------------------------------------------------------------------ narrative

    /** Parts I–V; for one department only the sections holding its blocks. */
    private void body(XWPFDocument doc, ReportData data, String onlyDepartment) {
        for (SectionNode part : data.report().sections()) {
            section(doc, data, part, 0, onlyDepartment);
        }
    }

    private void section(XWPFDocument doc, ReportData data, SectionNode node, int depth, String onlyDepartment) {
        if (!data.shows(node) || (onlyDepartment != null && !data.holdsBlockOf(node, onlyDepartment))) {
            return;
        }
        XWPFParagraph heading = Docx.paragraph(doc, Docx.HEADINGS[Math.min(depth, Docx.HEADINGS.length - 1)]);
        Docx.run(heading, node.number() + ". " + data.templates().fill(node.title()));
        if (node.block() != null && (onlyDepartment == null || onlyDepartment.equals(data.ownership().blockOwner(node.block())))) {
            block(doc, data, node);
        }
        for (SectionNode child : node.children()) {
            section(doc, data, child, depth + 1, onlyDepartment);
        }
    }

    private void block(XWPFDocument doc, ReportData data, SectionNode node) {
        if (node.lead() != null) {
            XWPFParagraph lead = Docx.paragraph(doc, Docx.BODY);
            for (TemplateText.Piece piece : data.lead(node.lead())) {
                if (piece.marker()) {
                    Docx.marker(lead, piece.text());
                } else {
                    Docx.run(lead, piece.text());
                }
            }
        }
        ReportData.Block block = data.block(node.block());
        if (block.pending()) {
            Docx.marker(Docx.paragraph(doc, Docx.BODY), data.blockMarker(node.block()));
            return;
        }
        for (String line : paragraphs(block.text())) {
            Docx.run(Docx.paragraph(doc, Docx.BODY), line);
        }
    }

    /** A narrative split on line breaks into paragraphs, blank lines dropped. */
    static List<String> paragraphs(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------ recipients and signature

    private void signature(XWPFDocument doc, CommuneDefinition commune) {
        XWPFParagraph gap = Docx.paragraph(doc, "Normal");
        Docx.spacing(gap, 0, 0);
        XWPFTable table = Docx.table(doc, SIGNATURE_COLUMNS, false);
        XWPFTableRow row = table.getRow(0);
        row.setCantSplitRow(true);
        XWPFTableCell left = row.getCell(0);
        XWPFTableCell right = row.getCell(1);

        XWPFParagraph label = cellParagraph(left);
        Docx.run(label, "Nơi nhận:", true, true, 12);
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

    // ------------------------------------------------------------------ annex

    private void annex(XWPFDocument doc, ReportData data, List<TableRow> rows, String title, String subtitle) {
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        heading.setPageBreak(true);
        Docx.run(heading, title, true, false, 14);
        XWPFParagraph reference = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(reference, 60, 240);
        Docx.run(reference, subtitle, false, true, 13);

        XWPFTable table = Docx.table(doc, ANNEX_COLUMNS, true);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < ANNEX_HEADER.length; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = tableParagraph(cell, ParagraphAlignment.CENTER);
            Docx.run(p, ANNEX_HEADER[c], true, false, 0);
        }
        Figures figures = data.figures();
        for (TableRow row : rows) {
            XWPFTableRow r = table.createRow();
            r.setCantSplitRow(true);
            Docx.widths(r.getTableCells(), ANNEX_COLUMNS);
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

    // ------------------------------------------------------------------ checks

    private void checks(XWPFDocument doc, ReportData data, List<MissingPart> missing, List<RuleFinding> findings) {
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        heading.setPageBreak(true);
        Docx.run(heading, CHECK_TITLE, true, false, 14);
        XWPFParagraph note = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(note, 60, 240);
        Docx.run(note, "(Trang này do hệ thống lập để Văn phòng rà soát; bỏ trang này khi ban hành báo cáo)", false, true, 13);

        if (!missing.isEmpty()) {
            int total = missing.stream().mapToInt(MissingPart::total).sum();
            long departments = missing.stream().filter(m -> m.total() > 0).count();
            XWPFParagraph summary = Docx.paragraph(doc, Docx.BODY);
            Docx.run(summary, "1. Nội dung chưa có", true, false, 0);
            XWPFParagraph line = Docx.paragraph(doc, Docx.BODY);
            Docx.run(line, total == 0
                    ? "Đã có đủ nội dung; còn chờ đơn vị nộp phần của mình."
                    : "Còn thiếu " + total + " mục (số liệu và lời văn) của " + departments + " đơn vị:");
            for (MissingPart part : missing) {
                Docx.run(Docx.paragraph(doc, Docx.BODY), "- " + part.description() + ";");
            }
        }
        XWPFParagraph rulesHeading = Docx.paragraph(doc, Docx.BODY);
        Docx.run(rulesHeading, (missing.isEmpty() ? "" : "2. ") + "Kết quả kiểm tra số liệu", true, false, 0);
        if (findings.isEmpty()) {
            Docx.run(Docx.paragraph(doc, Docx.BODY), "Không phát hiện số liệu mâu thuẫn giữa các chỉ tiêu đã có.");
        }
        for (RuleFinding finding : findings) {
            XWPFParagraph p = Docx.paragraph(doc, Docx.BODY);
            Docx.run(p, "- " + finding.severityLabel() + ": ", true, false, 0);
            Docx.run(p, finding.description());
        }
    }
}
