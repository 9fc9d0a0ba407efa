package vn.communereport.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.Rule;
import vn.communereport.definition.Slot;
import vn.communereport.definition.TableRow;

/**
 * Who owns each slot of a report. A figure row and a block belong to the department whose question fills them;
 * a computed row belongs to the department owning both its parts, otherwise to nobody (it spans departments).
 */
final class Ownership {

    private final ReportDefinition report;
    private final Map<String, Question> rowQuestion = new HashMap<>();
    private final Map<String, Question> blockQuestion = new HashMap<>();
    private final Map<String, TableRow> rows = new HashMap<>();
    private final Map<String, String> rowOwner = new HashMap<>();
    private final Map<String, Set<String>> checkedWith = new HashMap<>();
    private final Map<String, List<Rule>> rulesOn = new HashMap<>();
    private final Map<String, Set<String>> rowsRead = new HashMap<>();

    Ownership(ReportDefinition report) {
        this.report = report;
        report.rows().forEach(r -> rows.put(r.code(), r));
        report.flowsByDepartment().values().forEach(flow -> flow.questions().forEach(q -> {
            if (q.fills().kind() == Slot.Kind.TABLE_ROW) {
                rowQuestion.put(q.fills().ref(), q);
            } else {
                blockQuestion.put(q.fills().ref(), q);
            }
        }));
        for (TableRow row : report.rows()) {
            String owner = owner(row.code(), new HashSet<>());
            if (owner != null) {
                rowOwner.put(row.code(), owner);
            }
        }
        indexRulesByQuestion();
    }

    /**
     * For each figure question, the rules of its department whose rows depend on it, the rows those rules read and
     * the questions behind them: checking one answer then reads a handful of rows, whatever the size of the table.
     */
    private void indexRulesByQuestion() {
        for (Rule rule : report.rules()) {
            if (ruleOwner(rule) == null) {
                continue; // spans departments: checked when the report is compiled
            }
            Set<String> figureRows = new LinkedHashSet<>();
            rule.rowCodes().forEach(code -> figureRows.addAll(figureRowsBehind(code)));
            Set<String> read = new LinkedHashSet<>(rule.rowCodes());
            read.addAll(figureRows);
            Set<String> questions = new LinkedHashSet<>();
            for (String code : figureRows) {
                Question question = rowQuestion.get(code);
                if (question != null) {
                    questions.add(question.id());
                }
            }
            for (String code : figureRows) {
                Question question = rowQuestion.get(code);
                if (question != null) {
                    rulesOn.computeIfAbsent(question.id(), id -> new ArrayList<>()).add(rule);
                    rowsRead.computeIfAbsent(question.id(), id -> new LinkedHashSet<>()).addAll(read);
                    checkedWith.computeIfAbsent(question.id(), id -> new LinkedHashSet<>()).addAll(questions);
                }
            }
        }
    }

    /** The department's rules that involve this question's row (directly or through a rate computed from it). */
    List<Rule> rulesOn(Question question) {
        return rulesOn.getOrDefault(question.id(), List.of());
    }

    /** The rows those rules read, with the figure rows behind their rates. */
    Set<String> rowsReadBy(Question question) {
        return rowsRead.getOrDefault(question.id(), Set.of());
    }

    /** Questions whose answers those rules read (empty: no rule of the department involves this question). */
    Set<String> questionsCheckedWith(Question question) {
        return checkedWith.getOrDefault(question.id(), Set.of());
    }

    private String owner(String code, Set<String> visiting) {
        TableRow row = rows.get(code);
        if (row == null || !visiting.add(code)) {
            return null;
        }
        return switch (row.kind()) {
            case FIGURE -> rowQuestion.containsKey(code) ? rowQuestion.get(code).departmentCode() : null;
            case COMPUTED -> {
                String numerator = owner(row.compute().numerator(), visiting);
                String denominator = owner(row.compute().denominator(), visiting);
                yield numerator != null && numerator.equals(denominator) ? numerator : null;
            }
            default -> null;
        };
    }

    ReportDefinition report() {
        return report;
    }

    TableRow row(String code) {
        return rows.get(code);
    }

    Question rowQuestion(String code) {
        return rowQuestion.get(code);
    }

    Question blockQuestion(String blockId) {
        return blockQuestion.get(blockId);
    }

    /** The department owning a row, or null for section/group rows and rates spanning departments. */
    String rowOwner(String code) {
        return rowOwner.get(code);
    }

    String blockOwner(String blockId) {
        Question question = blockQuestion.get(blockId);
        return question == null ? null : question.departmentCode();
    }

    /** The department owning every row a rule names, or null when the rule spans departments. */
    String ruleOwner(Rule rule) {
        Set<String> owners = new LinkedHashSet<>();
        for (String code : rule.rowCodes()) {
            owners.add(rowOwner(code));
        }
        return owners.size() == 1 && !owners.contains(null) ? owners.iterator().next() : null;
    }

    /** The figure rows a row's value depends on: itself for a figure, its parts (recursively) for a rate. */
    Set<String> figureRowsBehind(String code) {
        Set<String> into = new LinkedHashSet<>();
        collectFigures(code, into, new HashSet<>());
        return into;
    }

    private void collectFigures(String code, Set<String> into, Set<String> visiting) {
        TableRow row = rows.get(code);
        if (row == null || !visiting.add(code)) {
            return;
        }
        if (row.kind() == TableRow.Kind.FIGURE) {
            into.add(code);
        } else if (row.kind() == TableRow.Kind.COMPUTED) {
            collectFigures(row.compute().numerator(), into, visiting);
            collectFigures(row.compute().denominator(), into, visiting);
        }
    }

    boolean ownsRow(String departmentCode, String code) {
        return Objects.equals(rowOwner(code), departmentCode);
    }
}
