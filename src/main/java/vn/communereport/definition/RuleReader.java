package vn.communereport.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code rules} of a report: ids, operators, severities and the row expressions on either side. */
final class RuleReader {

    private RuleReader() {
    }

    static List<Rule> read(YamlNode doc, Map<String, TableRow> rows) {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode r : doc.nodes("rules", "id")) {
            Rule rule = readRule(r, rows);
            if (!ids.add(rule.id())) {
                throw r.error("definition.rule.duplicate", rule.id());
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static Rule readRule(YamlNode r, Map<String, TableRow> rows) {
        r.allowOnly(Set.of("id", "left", "op", "right", "severity", "message"));
        String id = r.text("id");
        Rule.Operator op = Rule.Operator.fromSymbol(r.text("op"));
        if (op == null) {
            throw r.error("definition.rule.operator", r.text("op"));
        }
        String severityText = r.text("severity");
        Rule.Severity severity = switch (severityText) {
            case "error" -> Rule.Severity.ERROR;
            case "warning" -> Rule.Severity.WARNING;
            default -> throw r.error("definition.rule.severity", severityText);
        };
        return new Rule(id, expression(r, "left", rows), op, expression(r, "right", rows), severity, r.text("message"));
    }

    private static List<Rule.Term> expression(YamlNode r, String field, Map<String, TableRow> rows) {
        String text = r.text(field);
        List<Rule.Term> terms = new ArrayList<>();
        // Terms are separated by " + " or " - "; row codes themselves contain dots but never spaces.
        String[] tokens = text.trim().split("\\s+");
        int sign = 1;
        boolean expectOperand = true;
        for (String token : tokens) {
            if (expectOperand) {
                if (token.equals("-")) {
                    sign = -sign;
                    continue;
                }
                terms.add(term(r, field, sign, token, rows));
                expectOperand = false;
                sign = 1;
            } else {
                if (!token.equals("+") && !token.equals("-")) {
                    throw r.error("definition.expression.operator", field, token);
                }
                sign = token.equals("-") ? -1 : 1;
                expectOperand = true;
            }
        }
        if (expectOperand) {
            throw r.error("definition.expression.trailing-operator", field);
        }
        return List.copyOf(terms);
    }

    private static Rule.Term term(YamlNode r, String field, int sign, String token, Map<String, TableRow> rows) {
        if (token.matches("\\d+(\\.\\d+)?")) {
            return new Rule.Term(sign, null, new BigDecimal(token));
        }
        TableRow row = rows.get(token);
        if (row == null) {
            throw r.error("definition.expression.unknown-row", field, token);
        }
        if (!row.carriesValue()) {
            throw r.error("definition.expression.row-without-value", field, token);
        }
        return new Rule.Term(sign, token, null);
    }
}
