package vn.communereport.definition;

import java.util.List;

/**
 * A validation rule in DHIS2 style: {@code left op right}, each side a sum of rows and numbers.
 */
public record Rule(String id, List<Term> left, Operator op, List<Term> right, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public enum Operator {
        LE("<="), LT("<"), EQ("="), GE(">="), GT(">"), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator fromSymbol(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return symbol.equals("==") ? EQ : null;
        }

        public boolean holds(int comparison) {
            return switch (this) {
                case LE -> comparison <= 0;
                case LT -> comparison < 0;
                case EQ -> comparison == 0;
                case GE -> comparison >= 0;
                case GT -> comparison > 0;
                case NE -> comparison != 0;
            };
        }
    }

    /** A signed term: a row code, or a constant when {@code rowCode} is null. */
    public record Term(int sign, String rowCode, java.math.BigDecimal constant) {
    }

    public List<String> rowCodes() {
        return java.util.stream.Stream.concat(left.stream(), right.stream())
                .map(Term::rowCode).filter(java.util.Objects::nonNull).toList();
    }
}
