package vn.communereport.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.Slot;
import vn.communereport.definition.TableRow;

/**
 * The rows of a department's sheets, in the flow's order: each figure under the table's section and group headings
 * it belongs to, each narrative block under the report's part and clause headings; a heading is repeated only when
 * the flow comes back to it after another one.
 */
final class PartLayout {

    /** A line of a sheet: a heading (no value) or a question. */
    sealed interface Line permits Heading, Item {
    }

    /**
     * {@code number} as printed ("I", "5", "5.1", "III.3"); {@code key} tells headings apart; {@code level} 0 is a
     * part or section (I, II …), deeper levels are groups and clauses.
     */
    record Heading(String key, String number, String title, int level) implements Line {
    }

    /** A question with the place it fills: its number ("III.3.1", "I.2"), label or title, and unit. */
    record Item(Question question, String number, String label, String unit) implements Line {
    }

    private PartLayout() {
    }

    static List<Line> figures(ReportDefinition report, Flow flow) {
        Map<String, TableRow> rows = report.rows().stream().collect(Collectors.toMap(TableRow::code, Function.identity()));
        List<Line> lines = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Question question : flow.questions()) {
            if (question.fills().kind() != Slot.Kind.TABLE_ROW) {
                continue;
            }
            TableRow row = rows.get(question.fills().ref());
            List<TableRow> headings = new ArrayList<>();
            for (String prefix : prefixes(row.code())) {
                TableRow ancestor = rows.get(prefix);
                if (ancestor != null && (ancestor.kind() == TableRow.Kind.SECTION || ancestor.kind() == TableRow.Kind.GROUP)) {
                    headings.add(ancestor);
                }
            }
            open(lines, open, headings.stream().map(h -> new Heading(h.code(), h.code(), h.label(), 0)).toList());
            String unit = question.unit() != null ? question.unit() : row.unit();
            lines.add(new Item(question, row.code(), row.label(), unit == null ? "" : unit));
        }
        return lines;
    }

    static List<Line> narratives(ReportDefinition report, Flow flow, UnaryOperator<String> names) {
        List<Line> lines = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Question question : flow.questions()) {
            if (question.fills().kind() != Slot.Kind.BLOCK) {
                continue;
            }
            List<SectionNode> path = path(report.sections(), question.fills().ref()).orElse(List.of());
            if (path.isEmpty()) {
                continue;
            }
            List<Heading> headings = new ArrayList<>();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < path.size() - 1; i++) {
                key.append('/').append(path.get(i).number());
                headings.add(new Heading(key.toString(), path.get(i).number(), names.apply(path.get(i).title()), 0));
            }
            open(lines, open, headings);
            SectionNode node = path.get(path.size() - 1);
            lines.add(new Item(question, question.fills().ref(), names.apply(node.title()), ""));
        }
        return lines;
    }

    /** Adds the headings not open yet, at their depth, and makes them the open ones. */
    private static void open(List<Line> lines, List<String> open, List<Heading> headings) {
        int same = 0;
        while (same < headings.size() && same < open.size() && open.get(same).equals(headings.get(same).key())) {
            same++;
        }
        while (open.size() > same) {
            open.remove(open.size() - 1);
        }
        for (int i = same; i < headings.size(); i++) {
            Heading heading = headings.get(i);
            lines.add(new Heading(heading.key(), heading.number(), heading.title(), i));
            open.add(heading.key());
        }
    }

    /** "III.3.2.1" → "III", "III.3", "III.3.2". */
    private static List<String> prefixes(String code) {
        List<String> prefixes = new ArrayList<>();
        int dot = code.indexOf('.');
        while (dot > 0) {
            prefixes.add(code.substring(0, dot));
            dot = code.indexOf('.', dot + 1);
        }
        return prefixes;
    }

    /** The nodes from a part down to the node holding the block. */
    private static Optional<List<SectionNode>> path(List<SectionNode> nodes, String block) {
        for (SectionNode node : nodes) {
            if (block.equals(node.block())) {
                return Optional.of(List.of(node));
            }
            Optional<List<SectionNode>> below = path(node.children(), block);
            if (below.isPresent()) {
                List<SectionNode> path = new ArrayList<>();
                path.add(node);
                path.addAll(below.get());
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
