package vn.communereport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.Rule;
import vn.communereport.definition.Slot;

/**
 * Evaluates the report's validation rules. A rule is evaluated only when every row it names has a number; a
 * skipped, blank, text or not-yet-answered row leaves it unevaluated.
 */
final class RuleChecker {

    private RuleChecker() {
    }

    /** Every rule that does not hold on these figures, in the definition's order. */
    static List<RuleFinding> check(List<Rule> rules, Figures figures) {
        List<RuleFinding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            evaluate(rule, figures).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * The rules a new answer breaks, among the rules whose rows all belong to the answering department and that
     * involve the answered row (directly or through a rate computed from it). Rules spanning departments are
     * left to compile time.
     *
     * @param departmentAnswers the department's stored answers by question id
     */
    static List<RuleFinding> checkAnswer(Ownership ownership, Map<String, AnswerValue> departmentAnswers,
                                         Question question, BigDecimal newValue) {
        if (question.fills().kind() != Slot.Kind.TABLE_ROW) {
            return List.of();
        }
        List<Rule> rules = ownership.rulesOn(question);
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<String, AnswerValue> answers = new HashMap<>(departmentAnswers);
        answers.put(question.id(), newValue == null ? AnswerValue.SKIPPED : AnswerValue.ofNumber(newValue));
        // only the rows these rules read, not the whole table
        Figures figures = Figures.of(ownership, answers, ownership.rowsReadBy(question));
        List<RuleFinding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            evaluate(rule, figures).ifPresent(findings::add);
        }
        return findings;
    }

    /** The finding when the rule can be evaluated and does not hold. */
    static Optional<RuleFinding> evaluate(Rule rule, Figures figures) {
        BigDecimal left = side(rule.left(), figures);
        BigDecimal right = side(rule.right(), figures);
        if (left == null || right == null) {
            return Optional.empty();
        }
        if (rule.op().holds(left.compareTo(right))) {
            return Optional.empty();
        }
        return Optional.of(new RuleFinding(rule, Figures.plain(left), Figures.plain(right)));
    }

    /** The signed sum of a side, or null when a row it names has no number. */
    private static BigDecimal side(List<Rule.Term> terms, Figures figures) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Rule.Term term : terms) {
            BigDecimal value = term.rowCode() != null ? figures.number(term.rowCode()) : term.constant();
            if (value == null) {
                return null;
            }
            sum = term.sign() < 0 ? sum.subtract(value) : sum.add(value);
        }
        return sum;
    }
}
