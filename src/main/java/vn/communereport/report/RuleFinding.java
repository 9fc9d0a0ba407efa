package vn.communereport.report;

import java.math.BigDecimal;
import java.util.List;

import vn.communereport.definition.Rule;
import vn.communereport.definition.VietnameseNumbers;

/** A validation rule that does not hold, with the values of its two sides. */
public record RuleFinding(Rule rule, BigDecimal left, BigDecimal right) {

    public boolean isError() {
        return rule.severity() == Rule.Severity.ERROR;
    }

    /**
     * One line: the rule's message (from the report definition) and the two sides written the Vietnamese way, e.g.
     * "Số hồ sơ … (III.3.2.1). (III.3.2.2 = 2.677; III.3.2.1 = 2.647)".
     */
    public String description() {
        return rule.message() + " (" + side(rule.left()) + " = " + VietnameseNumbers.format(left) + "; "
                + side(rule.right()) + " = " + VietnameseNumbers.format(right) + ")";
    }

    private static String side(List<Rule.Term> terms) {
        StringBuilder text = new StringBuilder();
        for (Rule.Term term : terms) {
            String operand = term.rowCode() != null ? term.rowCode() : VietnameseNumbers.format(term.constant());
            if (text.isEmpty()) {
                text.append(term.sign() < 0 ? "-" : "").append(operand);
            } else {
                text.append(term.sign() < 0 ? " - " : " + ").append(operand);
            }
        }
        return text.toString();
    }
}
