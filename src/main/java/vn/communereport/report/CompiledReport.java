package vn.communereport.report;

import java.util.List;

/**
 * The whole report of a period: the DOCX (narrative + statistics annex) and the XLSX table, whether it is still a
 * draft, what is missing per department, what the validation rules found and the checks as the office reads them
 * (the findings and the figures far from last period's, with the reasons given for keeping them).
 */
public record CompiledReport(GeneratedFile docx, GeneratedFile xlsx, boolean draft, List<MissingPart> missing,
                             List<RuleFinding> findings, List<CheckLine> checks) {

    public CompiledReport {
        missing = List.copyOf(missing);
        findings = List.copyOf(findings);
        checks = List.copyOf(checks);
    }

    public int missingCount() {
        return missing.stream().mapToInt(MissingPart::total).sum();
    }

    public long errorCount() {
        return findings.stream().filter(RuleFinding::isError).count();
    }

    public long warningCount() {
        return findings.size() - errorCount();
    }
}
