package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import vn.communereport.definition.SectionNode;

/**
 * Parts I–V of a document: each section's heading, then its block (the lead written from the table, then the
 * department's narrative, or a highlighted marker while it is awaited). A skipped block goes with its heading.
 */
final class DocxNarrative {

    private DocxNarrative() {
    }

    /** Parts I–V; for one department ({@code onlyDepartment} not null) only the sections holding its blocks. */
    static void body(XWPFDocument doc, ReportData data, String onlyDepartment) {
        for (SectionNode part : data.report().sections()) {
            section(doc, data, part, 0, onlyDepartment);
        }
    }

    private static void section(XWPFDocument doc, ReportData data, SectionNode node, int depth, String onlyDepartment) {
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

    private static void block(XWPFDocument doc, ReportData data, SectionNode node) {
        // A drafted sentence the member chose takes the lead's place: the same figures are not printed twice.
        List<TemplateText.Piece> opening = data.opening(node);
        if (opening == null && node.lead() != null) {
            opening = data.lead(node.lead());
        }
        if (opening != null) {
            XWPFParagraph lead = Docx.paragraph(doc, Docx.BODY);
            for (TemplateText.Piece piece : opening) {
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
}
