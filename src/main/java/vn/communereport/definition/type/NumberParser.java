package vn.communereport.definition.type;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads numbers as commune staff type them: "2.654" and "1 702" are thousands, "99,7" and "99.7%" decimals.
 * A dot followed by exactly three digits groups thousands (the Vietnamese habit); any other single dot or
 * comma is the decimal mark.
 */
public final class NumberParser {

    /** What a number question accepts. */
    public enum Kind { INTEGER, DECIMAL, PERCENT }

    /** Why a text is not a valid number; each maps to a message key "number.<name>". */
    public enum Problem { EMPTY, NOT_A_NUMBER, NEGATIVE, NOT_WHOLE, OVER_HUNDRED, TOO_LARGE, PERCENT_SIGN }

    public record Result(BigDecimal value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]+");
    private static final Pattern SPACE_GROUPED = Pattern.compile("\\d{1,3}( \\d{3})+([.,]\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern THOUSANDS_DOTS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern THOUSANDS_COMMAS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_INTEGER_DIGITS = 15;

    private NumberParser() {
    }

    public static Result parse(String input, Kind type, String unit) {
        if (input == null) {
            return problem(Problem.EMPTY);
        }
        String text = INVISIBLE.matcher(Normalizer.normalize(input, Normalizer.Form.NFC)).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").trim();
        text = stripUnit(text, unit);
        boolean percentSign = false;
        if (text.endsWith("%")) {
            percentSign = true;
            text = text.substring(0, text.length() - 1).trim();
        }
        if (text.isEmpty()) {
            return problem(Problem.EMPTY);
        }
        boolean negative = false;
        if (text.startsWith("-") || text.startsWith("−")) {
            negative = true;
            text = text.substring(1).trim();
        }
        if (SPACE_GROUPED.matcher(text).matches()) {
            text = text.replace(" ", "");
        }
        BigDecimal value = toDecimal(text);
        if (value == null) {
            return problem(Problem.NOT_A_NUMBER);
        }
        if (percentSign && type != Kind.PERCENT) {
            return problem(Problem.PERCENT_SIGN);
        }
        if (negative && value.signum() != 0) {
            return problem(Problem.NEGATIVE);
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return problem(Problem.TOO_LARGE);
        }
        if (type == Kind.INTEGER && value.stripTrailingZeros().scale() > 0) {
            return problem(Problem.NOT_WHOLE);
        }
        if (type == Kind.PERCENT && value.compareTo(HUNDRED) > 0) {
            return problem(Problem.OVER_HUNDRED);
        }
        return new Result(value, null);
    }

    private static BigDecimal toDecimal(String text) {
        if (DIGITS.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        int dots = count(text, '.');
        int commas = count(text, ',');
        String normalized;
        if (dots > 0 && commas > 0) {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            char decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
            char groupMark = decimalMark == '.' ? ',' : '.';
            int decimalAt = text.lastIndexOf(decimalMark);
            String integerPart = text.substring(0, decimalAt);
            String fraction = text.substring(decimalAt + 1);
            if (count(text, decimalMark) != 1 || !integerPart.matches("\\d{1,3}(\\" + groupMark + "\\d{3})+") || !DIGITS.matcher(fraction).matches()) {
                return null;
            }
            normalized = integerPart.replace(String.valueOf(groupMark), "") + "." + fraction;
        } else if (dots > 1) {
            if (!THOUSANDS_DOTS.matcher(text).matches()) {
                return null;
            }
            normalized = text.replace(".", "");
        } else if (commas > 1) {
            if (!THOUSANDS_COMMAS.matcher(text).matches()) {
                return null;
            }
            normalized = text.replace(",", "");
        } else if (dots == 1) {
            normalized = THOUSANDS_DOTS.matcher(text).matches() ? text.replace(".", "") : text;
        } else if (commas == 1) {
            normalized = text.replace(',', '.');
        } else {
            return null;
        }
        if (!normalized.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(normalized);
    }

    /** A figure followed by the question's own unit (in any letter case) reads as the figure alone. */
    private static String stripUnit(String text, String unit) {
        if (unit == null || unit.isBlank() || unit.equals("%")) {
            return text;
        }
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerUnit = unit.toLowerCase(Locale.ROOT).trim();
        if (lowerText.endsWith(lowerUnit) && lowerText.length() > lowerUnit.length()) {
            return text.substring(0, text.length() - lowerUnit.length()).trim();
        }
        return text;
    }

    /** Text as typed, with invisible characters dropped and letters composed, for matching words. */
    static String normalized(String input) {
        return INVISIBLE.matcher(Normalizer.normalize(input, Normalizer.Form.NFC)).replaceAll("").trim();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static Result problem(Problem problem) {
        return new Result(null, problem);
    }
}
