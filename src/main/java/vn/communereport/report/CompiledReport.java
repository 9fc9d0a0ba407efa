package vn.communereport.report;

import java.util.List;

/**
 * The whole report of a period: the DOCX (narrative + statistics annex) and the XLSX table, whether it is still a
 * draft, what is missing per department and what the validation rules found.
 */
public record CompiledReport(GeneratedFile docx, GeneratedFile xlsx, boolean draft, List<MissingPart> missing,
                             List<RuleFinding> findings) {

    public CompiledReport {
        missing = List.copyOf(missing);
        findings = List.copyOf(findings);
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
