package vn.communereport.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.communereport.definition.Shortened;
import vn.communereport.definition.TextBundle;
import vn.communereport.definition.VietnameseNumbers;

/**
 * A figure its row's {@code outliers} limits question: it moved more than the row allows against the same report's
 * last closed period, or it lies outside the row's plausible range. Like a rule's warning, it is stored only once the
 * member confirms it and gives a reason.
 *
 * @param previous       last period's value (CHANGE), or null
 * @param bound          the row's minimum (BELOW_MIN) or maximum (ABOVE_MAX), or null
 * @param previousPeriod last period's name ("6 tháng cuối năm 2025"), or null
 */
public record Outlier(Kind kind, String rowCode, String label, String unit, BigDecimal previous, BigDecimal now,
                      BigDecimal bound, String previousPeriod) {

    public enum Kind { CHANGE, BELOW_MIN, ABOVE_MAX }

    private static final TextBundle TEXTS = TextBundle.of("i18n/reasons");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How much it moved, in whole percent of last period's value (112 for 1.837 → 3.900); null without one. */
    public BigDecimal percent() {
        if (previous == null || previous.signum() == 0) {
            return null;
        }
        return now.subtract(previous).abs().multiply(HUNDRED).divide(previous, 0, RoundingMode.HALF_UP);
    }

    /**
     * One line, e.g. "Số hồ sơ tiếp nhận (III.3.1) thay đổi nhiều so với kỳ trước (6 tháng cuối năm 2025). Kỳ trước:
     * 1.837 hồ sơ; nay 3.900, tăng 112%."
     */
    public String description() {
        String name = Shortened.oneLine(label, 120);
        return switch (kind) {
            case CHANGE -> TEXTS.get(now.compareTo(previous) > 0 ? "reasons.outlier.rise" : "reasons.outlier.fall", name, rowCode,
                    previousPeriod, amount(previous), VietnameseNumbers.format(now), VietnameseNumbers.format(percent()));
            case BELOW_MIN -> TEXTS.get("reasons.outlier.below-min", name, rowCode, amount(bound), VietnameseNumbers.format(now));
            case ABOVE_MAX -> TEXTS.get("reasons.outlier.above-max", name, rowCode, amount(bound), VietnameseNumbers.format(now));
        };
    }

    /** "1.837 hồ sơ": the table's unit ("Hồ sơ") read inside a sentence; an acronym ("PAKN") and "%" as written. */
    private String amount(BigDecimal value) {
        String number = VietnameseNumbers.format(value);
        if (unit == null || unit.isBlank()) {
            return number;
        }
        if (unit.equals("%")) {
            return number + "%";
        }
        boolean word = unit.length() > 1 && Character.isUpperCase(unit.charAt(0)) && Character.isLowerCase(unit.charAt(1));
        return number + " " + (word ? unit.substring(0, 1).toLowerCase(TextBundle.VIETNAMESE) + unit.substring(1) : unit);
    }
}
