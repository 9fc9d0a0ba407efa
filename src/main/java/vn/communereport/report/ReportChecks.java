package vn.communereport.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import vn.communereport.definition.Wording;

/** The report's checks as lines for the office: each rule's finding and each outlier, with the reasons kept for them. */
final class ReportChecks {

    private ReportChecks() {
    }

    static List<CheckLine> lines(List<RuleFinding> findings, List<Outlier> outliers, Map<String, String> reasons, Wording texts) {
        List<CheckLine> lines = new ArrayList<>();
        findings.forEach(finding -> lines.add(line(finding, reasons, texts)));
        for (Outlier outlier : outliers) {
            lines.add(new CheckLine(CheckLine.Kind.OUTLIER, outlier.description(), reasonsFor(List.of(outlier.rowCode()), reasons, texts)));
        }
        return lines;
    }

    static CheckLine line(RuleFinding finding, Map<String, String> reasons, Wording texts) {
        return new CheckLine(finding.isError() ? CheckLine.Kind.ERROR : CheckLine.Kind.WARNING, finding.description(),
                reasonsFor(finding.rule().rowCodes(), reasons, texts));
    }

    private static List<String> reasonsFor(Collection<String> rowCodes, Map<String, String> reasons, Wording texts) {
        List<String> found = new ArrayList<>();
        for (String code : new LinkedHashSet<>(rowCodes)) {
            if (reasons.containsKey(code)) {
                found.add(texts.get("reasons.check.reason", code, reasons.get(code)));
            }
        }
        return found;
    }
}
