package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import vn.communereport.definition.TableRow;

/**
 * One department's own part as a Word document, for its members: its blocks under their headings, its figures, and
 * the findings of the rules that lie wholly within it. Not an official document: no header block, no signature.
 */
final class DocxDepartmentPart {

    byte[] write(ReportData data, String departmentCode, List<RuleFinding> findings) {
        XWPFDocument doc = Docx.newDocument();
        String name = data.departmentName(departmentCode);
        XWPFParagraph top = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.run(top, TemplateText.upper(data.commune().issuingBodyName()), true, false, 13);
        XWPFParagraph heading = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(heading, 240, 0);
        Docx.run(heading, data.text("report.part.heading", TemplateText.upper(name)), true, false, 14);
        XWPFParagraph what = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.run(what, data.particulars().reportAndPeriod(), true, false, 14);
        XWPFParagraph rule = Docx.paragraph(doc, "Normal");
        Docx.rule(rule, Docx.TEXT_WIDTH, 2200);
        XWPFParagraph status = Docx.centred(Docx.paragraph(doc, "Normal"));
        Docx.spacing(status, 120, 240);
        MissingPart missing = data.missing().stream().filter(m -> m.departmentCode().equals(departmentCode)).findFirst()
                .orElse(null);
        boolean submitted = missing == null ? data.submitted(departmentCode) : missing.submitted();
        String owed = missing == null || missing.total() == 0
                ? data.text("report.count.complete")
                : data.text("report.part.missing", data.counts(missing.missingFigures(), missing.missingBlocks()));
        Docx.run(status, data.text("report.part.status",
                data.text(submitted ? "report.part.submitted" : "report.part.not-submitted"), owed), false, true, 13);

        DocxNarrative.body(doc, data, departmentCode);

        List<TableRow> rows = departmentRows(data, departmentCode);
        if (rows.stream().anyMatch(TableRow::carriesValue)) {
            DocxAnnex.annex(doc, data, rows, data.text("report.part.figures-title", TemplateText.upper(name)),
                    data.text("report.part.figures-subtitle", data.particulars().tableTitle().toLowerCase(TemplateText.VIETNAMESE), name));
        }
        if (!findings.isEmpty()) {
            DocxAnnex.checks(doc, data, List.of(), findings.stream().map(data::line).toList());
        }
        return Docx.bytes(doc);
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
}
