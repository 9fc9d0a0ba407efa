package vn.communereport.web.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.Slot;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.Wording;

/**
 * Where each question of a flow sits in the report: the heading it comes under (a part of the narrative or a section
 * of the table), its code and label, and the rates computed from it, shown after the last of their parts.
 */
final class FormLayout {

    private final ReportDefinition report;
    private final Wording texts;
    /** Fills the report's names in a heading ("{KY_SAU}"), as the compiled report prints it. */
    private final UnaryOperator<String> filled;

    FormLayout(ReportDefinition report, Wording texts, UnaryOperator<String> filled) {
        this.report = report;
        this.texts = texts;
        this.filled = filled;
    }

    /** The heading a question comes under; a new one starts whenever it changes along the flow. */
    String heading(Question question) {
        String top = question.fills().ref().split("\\.")[0];
        if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
            String title = report.row(top).map(TableRow::label).orElse("");
            return texts.get("form.group.table", top, filled.apply(title));
        }
        String title = report.sections().stream().filter(node -> top.equals(node.number())).map(SectionNode::title)
                .findFirst().orElse("");
        return texts.get("form.group.block", top, filled.apply(title));
    }

    /** The label: the table row's as the table prints it, or the narrative block's heading. */
    String label(Question question) {
        if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
            return report.row(question.fills().ref()).map(TableRow::label).map(filled).orElse(question.prompt());
        }
        return report.blocks().stream().filter(node -> question.fills().ref().equals(node.block())).map(SectionNode::title)
                .findFirst().map(filled).orElse(question.prompt());
    }

    /** What to write, for a narrative block (its prompt says it), or the question's help for a figure. */
    String help(Question question) {
        if (question.fills().kind() == Slot.Kind.BLOCK) {
            return question.help() == null ? question.prompt() : question.prompt() + " " + question.help();
        }
        return question.help();
    }

    /** The rates with a part in this flow, each after the last of its parts the flow asks: question id → rate rows. */
    Map<String, List<TableRow>> ratesAfter(Flow flow) {
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < flow.size(); i++) {
            Question question = flow.questions().get(i);
            if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
                position.put(question.fills().ref(), i);
            }
        }
        Map<String, List<TableRow>> after = new LinkedHashMap<>();
        for (TableRow row : report.rows()) {
            if (row.kind() != TableRow.Kind.COMPUTED) {
                continue;
            }
            int last = Math.max(position.getOrDefault(row.compute().numerator(), -1), position.getOrDefault(row.compute().denominator(), -1));
            if (last >= 0) {
                after.computeIfAbsent(flow.questions().get(last).id(), id -> new ArrayList<>()).add(row);
            }
        }
        return after;
    }

    /** Every rate row of the flow, for recomputing after a save. */
    List<String> rateCodes(Flow flow) {
        return ratesAfter(flow).values().stream().flatMap(List::stream).map(TableRow::code).toList();
    }

    Optional<TableRow> row(String code) {
        return report.row(code);
    }
}
