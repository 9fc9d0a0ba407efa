package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.communereport.definition.Rule;

/** Turns gathered report data into the files sent to people: names, captions and contents. */
final class ReportFiles {

    private final DocxReportWriter docx = new DocxReportWriter();
    private final DocxDepartmentPart part = new DocxDepartmentPart();
    private final XlsxTableWriter xlsx = new XlsxTableWriter();

    CompiledReport compile(ReportData data) {
        String base = base(data);
        byte[] table = xlsx.write(data);
        String draft = data.text("report.file.draft") + "_";
        GeneratedFile docxFile = document(data);
        String period = data.period().label();
        GeneratedFile xlsxFile = new GeneratedFile((data.draft() ? draft : "") + data.text("report.file.table") + "_" + base + ".xlsx",
                table, data.draft() ? data.text("report.caption.table-draft", period) : data.text("report.caption.table", period));
        return new CompiledReport(docxFile, xlsxFile, data.draft(), data.missing(), data.findings(), data.checks());
    }

    GeneratedFile document(ReportData data) {
        String label = data.particulars().reportAndPeriod();
        String draft = data.text("report.file.draft") + "_";
        return new GeneratedFile((data.draft() ? draft : data.text("report.file.report") + "_") + base(data) + ".docx",
                docx.write(data), (data.draft() ? data.text("report.caption.draft", lowerFirst(label)) : label) + state(data));
    }

    GeneratedFile departmentPart(ReportData data, String departmentCode) {
        if (data.commune().department(departmentCode).isEmpty() || data.report().flow(departmentCode).isEmpty()) {
            throw new IllegalArgumentException("no part of " + data.report().code() + " for department " + departmentCode);
        }
        List<RuleFinding> own = new ArrayList<>();
        for (RuleFinding finding : data.findings()) {
            if (Objects.equals(data.ownership().ruleOwner(finding.rule()), departmentCode)) {
                own.add(finding);
            }
        }
        byte[] content = part.write(data, departmentCode, own);
        String name = data.departmentName(departmentCode);
        MissingPart missing = data.missing().stream().filter(m -> m.departmentCode().equals(departmentCode)).findFirst().orElse(null);
        StringBuilder caption = new StringBuilder(data.text("report.caption.part", name, data.particulars().reportAndPeriod()));
        if (missing != null && missing.total() > 0) {
            caption.append(' ').append(data.text("report.caption.part-missing", missing.total()));
        }
        if (!own.isEmpty()) {
            caption.append("; ").append(data.text("report.caption.part-findings", own.size()));
        }
        return new GeneratedFile(data.text("report.file.part") + "_" + base(data) + "_" + camel(departmentCode) + ".docx",
                content, caption.toString());
    }

    /** "CCHC_6T-2026_BinhLu" */
    static String base(ReportData data) {
        return data.report().code().toUpperCase(java.util.Locale.ROOT) + "_" + data.period().fileCode() + "_" + data.commune().fileCode();
    }

    /** " – còn thiếu 12 mục của 2 đơn vị; 1 lỗi, 2 cảnh báo số liệu" */
    private static String state(ReportData data) {
        List<String> parts = new ArrayList<>();
        int missing = data.missing().stream().mapToInt(MissingPart::total).sum();
        long departments = data.missing().stream().filter(m -> m.total() > 0).count();
        if (missing > 0) {
            parts.add(data.text("report.caption.missing", missing, departments));
        } else if (data.draft()) {
            long waiting = data.missing().stream().filter(m -> !m.submitted()).count();
            parts.add(data.text("report.caption.waiting", waiting));
        }
        long errors = data.findings().stream().filter(f -> f.rule().severity() == Rule.Severity.ERROR).count();
        long warnings = data.findings().size() - errors;
        if (errors + warnings > 0) {
            List<String> found = new ArrayList<>();
            if (errors > 0) {
                found.add(data.text("report.caption.errors", errors));
            }
            if (warnings > 0) {
                found.add(data.text("report.caption.warnings", warnings));
            }
            parts.add(data.text("report.caption.findings", String.join(", ", found)));
        }
        return parts.isEmpty() ? "" : " – " + String.join("; ", parts);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** "kinh-te" → "KinhTe" */
    static String camel(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
