package vn.communereport.collection;

import java.math.BigDecimal;

import vn.communereport.definition.TextBundle;

/** What a person answered: a number (with its canonical text), a text, or "skipped". */
public record AnswerValue(String text, BigDecimal number, boolean skipped) {

    public static final AnswerValue SKIPPED = new AnswerValue(null, null, true);

    private static final TextBundle TEXTS = TextBundle.of("i18n/collection");

    public static AnswerValue ofNumber(BigDecimal number) {
        BigDecimal normalized = number.stripTrailingZeros();
        if (normalized.scale() < 0) {
            normalized = normalized.setScale(0);
        }
        return new AnswerValue(normalized.toPlainString(), normalized, false);
    }

    public static AnswerValue ofText(String text) {
        return new AnswerValue(text, null, false);
    }

    /**
     * The same answer. A number read back from the database has the column's scale (120.000000), so numbers are
     * compared by value, not by {@code equals}.
     */
    public boolean sameAs(AnswerValue other) {
        if (other == null || skipped != other.skipped) {
            return false;
        }
        if (number != null || other.number != null) {
            return number != null && other.number != null && number.compareTo(other.number) == 0;
        }
        return java.util.Objects.equals(text, other.text);
    }

    /** The value as it is recorded in the audit trail; a skip is worded (the {@code collection.answer.skipped} text). */
    public String auditForm() {
        return skipped ? TEXTS.get("collection.answer.skipped") : text;
    }
}
