package vn.communereport.definition;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How far a figure may move against the same report's last closed period of the same commune before the member is
 * asked to confirm it (and, kept, to give a reason), and the plausible range of a figure ({@code outliers} in
 * report.yaml).
 *
 * <p>A change ratio {@code r} lets a figure grow to {@code (1 + r)} times last period's value and fall to
 * {@code 1 / (1 + r)} of it: {@code change: 1} questions a figure more than twice or less than half of last period's.
 *
 * @param change the report's default ratio, or null when figures are not compared with last period by default
 * @param rows   what a table row sets for itself, by row code
 */
public record OutlierPolicy(BigDecimal change, Map<String, RowLimits> rows) {

    /**
     * One row's own limits.
     *
     * @param change     the row's own ratio, or null for the report's default
     * @param unchecked  the row is never compared with last period ({@code change: off})
     * @param min        the smallest plausible value, or null
     * @param max        the largest plausible value, or null
     */
    public record RowLimits(BigDecimal change, boolean unchecked, BigDecimal min, BigDecimal max) {
    }

    private static final RowLimits NONE = new RowLimits(null, false, null, null);

    /** No outlier checks at all (a report.yaml without {@code outliers}). */
    public static OutlierPolicy none() {
        return new OutlierPolicy(null, Map.of());
    }

    /** The ratio a row's figure is compared with last period by, if it is compared at all. */
    public Optional<BigDecimal> changeFor(String rowCode) {
        RowLimits own = limits(rowCode);
        if (own.unchecked()) {
            return Optional.empty();
        }
        return Optional.ofNullable(own.change() != null ? own.change() : change);
    }

    public Optional<BigDecimal> min(String rowCode) {
        return Optional.ofNullable(limits(rowCode).min());
    }

    public Optional<BigDecimal> max(String rowCode) {
        return Optional.ofNullable(limits(rowCode).max());
    }

    private RowLimits limits(String rowCode) {
        return rows.getOrDefault(rowCode, NONE);
    }
}
