package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.communereport.definition.Rule;

/** Turns gathered report data into the files sent to people: names, captions and contents. */
final class ReportFiles {

    private final DocxReportWriter docx = new DocxReportWriter();
    private final XlsxTableWriter xlsx = new XlsxTableWriter();

    CompiledReport compile(ReportData data) {
        String base = base(data);
        byte[] document = docx.write(data);
        byte[] table = xlsx.write(data);
        String label = data.report().name() + " " + data.period().label();
        String state = state(data);
        GeneratedFile docxFile = new GeneratedFile((data.draft() ? "DuThao_" : "BaoCao_") + base + ".docx",
                document, (data.draft() ? "Dự thảo " + lowerFirst(label) : label) + state);
        GeneratedFile xlsxFile = new GeneratedFile((data.draft() ? "DuThao_" : "") + "BieuThongKe_" + base + ".xlsx",
                table, "Biểu thống kê số liệu " + data.period().label() + (data.draft() ? " (dự thảo)" : ""));
        return new CompiledReport(docxFile, xlsxFile, data.draft(), data.missing(), data.findings());
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
        byte[] content = docx.writeDepartmentPart(data, departmentCode, own);
        String name = data.departmentName(departmentCode);
        MissingPart missing = data.missing().stream().filter(m -> m.departmentCode().equals(departmentCode)).findFirst().orElse(null);
        String caption = "Phần của " + name + " – " + data.report().name() + " " + data.period().label()
                + (missing == null || missing.total() == 0 ? "" : " (còn thiếu " + missing.total() + " mục)")
                + (own.isEmpty() ? "" : "; " + own.size() + " điểm cần kiểm tra số liệu");
        return new GeneratedFile("PhanBaoCao_" + base(data) + "_" + camel(departmentCode) + ".docx", content, caption);
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
            parts.add("còn thiếu " + missing + " mục của " + departments + " đơn vị");
        } else if (data.draft()) {
            long waiting = data.missing().stream().filter(m -> !m.submitted()).count();
            parts.add("đủ nội dung, chờ " + waiting + " đơn vị nộp");
        }
        long errors = data.findings().stream().filter(f -> f.rule().severity() == Rule.Severity.ERROR).count();
        long warnings = data.findings().size() - errors;
        if (errors + warnings > 0) {
            List<String> found = new ArrayList<>();
            if (errors > 0) {
                found.add(errors + " lỗi");
            }
            if (warnings > 0) {
                found.add(warnings + " cảnh báo");
            }
            parts.add(String.join(", ", found) + " số liệu");
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
