package vn.communereport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.communereport.definition.OutlierPolicy;
import vn.communereport.definition.TableRow;

/** Applies a report's {@code outliers} limits to one figure; free of Spring and of storage, so tests call it directly. */
final class OutlierRule {

    private OutlierRule() {
    }

    /**
     * What the limits find in a figure: outside the row's range, and moved more than its change ratio allows against
     * last period's value. Without last period's value (first period, or skipped then) or with a 0 there, there is
     * nothing to compare with: only the range is checked.
     *
     * @param previous       last period's value of the row, or null
     * @param previousPeriod last period's name, or null
     */
    static List<Outlier> evaluate(OutlierPolicy policy, TableRow row, String unit, BigDecimal previous, BigDecimal now,
                                  String previousPeriod) {
        List<Outlier> found = new ArrayList<>();
        if (now == null || row.kind() != TableRow.Kind.FIGURE) {
            return found;
        }
        String code = row.code();
        Optional<BigDecimal> min = policy.min(code);
        Optional<BigDecimal> max = policy.max(code);
        if (min.isPresent() && now.compareTo(min.get()) < 0) {
            found.add(new Outlier(Outlier.Kind.BELOW_MIN, code, row.label(), unit, null, now, min.get(), null));
        }
        if (max.isPresent() && now.compareTo(max.get()) > 0) {
            found.add(new Outlier(Outlier.Kind.ABOVE_MAX, code, row.label(), unit, null, now, max.get(), null));
        }
        Optional<BigDecimal> change = policy.changeFor(code);
        if (change.isPresent() && previous != null && previous.signum() > 0) {
            BigDecimal factor = BigDecimal.ONE.add(change.get());
            boolean rose = now.compareTo(previous.multiply(factor)) > 0;
            boolean fell = now.multiply(factor).compareTo(previous) < 0;
            if (rose || fell) {
                found.add(new Outlier(Outlier.Kind.CHANGE, code, row.label(), unit, previous, now, null, previousPeriod));
            }
        }
        return found;
    }
}
