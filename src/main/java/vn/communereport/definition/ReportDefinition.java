package vn.communereport.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report type: its narrative sections, statistics table, rules and the flows that fill it.
 *
 * @param opensItself whether a period opens by itself when a member starts answering (the period containing today), or
 *                    only when the office opens it ({@code opens: by-office} in report.yaml)
 * @param sharedFrom  the report whose outline, table, rules and flows this one shares ({@code shares:}), or null
 * @param sentencePatterns the drafted first sentences of narrative blocks ({@code draft:} on a section)
 * @param cutOff      each period's data window, deadline and grace ({@code cut_off:}), or null: no window, no lock by itself
 * @param approval    who approves a part before it counts as in, and whom reminders escalate to (each report its own)
 * @param outliers    how far a figure may move against last period, and its plausible range ({@code outliers:})
 */
public record ReportDefinition(
        String code,
        String name,
        Frequency frequency,
        String title,
        String opening,
        String closing,
        List<SectionNode> sections,
        String tableTitle,
        List<TableRow> rows,
        List<Rule> rules,
        Map<String, Flow> flowsByDepartment,
        ReminderPolicy reminders,
        boolean opensItself,
        String sharedFrom,
        SentencePatterns sentencePatterns,
        CutOff cutOff,
        ApprovalPolicy approval,
        OutlierPolicy outliers) {

    /** A report that shares the outline, table, rules and flows of another, with its own code, name, period and dates. */
    ReportDefinition sharing(String newCode, String newName, Frequency newFrequency, String newTitle, String newOpening,
                             String newClosing, ReminderPolicy newReminders, boolean newOpensItself, ApprovalPolicy newApproval) {
        return new ReportDefinition(newCode, newName, newFrequency, newTitle, newOpening, newClosing, sections, tableTitle, rows,
                rules, flowsByDepartment, newReminders, newOpensItself, code, sentencePatterns, cutOff, newApproval, outliers);
    }

    /** The same report with its own cut-off (a report that shares another's questions has its own windows). */
    ReportDefinition withCutOff(CutOff ownCutOff) {
        return new ReportDefinition(code, name, frequency, title, opening, closing, sections, tableTitle, rows, rules,
                flowsByDepartment, reminders, opensItself, sharedFrom, sentencePatterns, ownCutOff, approval, outliers);
    }

    public Optional<CutOff> cutOffRule() {
        return Optional.ofNullable(cutOff);
    }

    public Optional<Flow> flow(String departmentCode) {
        return Optional.ofNullable(flowsByDepartment.get(departmentCode));
    }

    public Optional<TableRow> row(String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Question> question(String questionId) {
        return flowsByDepartment.values().stream()
                .flatMap(f -> f.questions().stream())
                .filter(q -> q.id().equals(questionId))
                .findFirst();
    }

    /** Which question fills each slot, keyed by the slot's text form ("bieu:I.1", "muc:II.2.2"). */
    public Map<String, Question> questionsBySlot() {
        Map<String, Question> bySlot = new LinkedHashMap<>();
        flowsByDepartment.values().forEach(f -> f.questions().forEach(q -> bySlot.put(q.fills().toString(), q)));
        return bySlot;
    }

    /** Every narrative block in reading order. */
    public List<SectionNode> blocks() {
        List<SectionNode> blocks = new ArrayList<>();
        collectBlocks(sections, blocks);
        return blocks;
    }

    private static void collectBlocks(List<SectionNode> nodes, List<SectionNode> into) {
        for (SectionNode node : nodes) {
            if (node.block() != null) {
                into.add(node);
            }
            collectBlocks(node.children(), into);
        }
    }
}
