package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.communereport.definition.OutlierPolicy;
import vn.communereport.definition.TableRow;

/** The outlier limits on one figure, without storage: ratio both ways, the row's own ratio, minimum and maximum. */
class OutlierRuleTest {

    static final TableRow FILES = new TableRow("III.3.1", "3.1", "Tổng số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", TableRow.Kind.FIGURE, null);
    static final TableRow STAFF = new TableRow("IV.2.1", "2.1", "Tổng số biên chế được giao", "Người", TableRow.Kind.FIGURE, null);
    static final OutlierPolicy POLICY = new OutlierPolicy(BigDecimal.ONE, Map.of(
            "IV.2.1", new OutlierPolicy.RowLimits(new BigDecimal("0.2"), false, new BigDecimal("10"), new BigDecimal("80"))));

    static List<Outlier> check(TableRow row, String previous, String now) {
        return OutlierRule.evaluate(POLICY, row, row.unit(), previous == null ? null : new BigDecimal(previous), new BigDecimal(now),
                "6 tháng đầu năm 2026");
    }

    @Test
    void twiceOrHalfIsAllowedAndBeyondIsNot() {
        assertThat(check(FILES, "1837", "3674")).isEmpty();
        assertThat(check(FILES, "1837", "918.5")).isEmpty();
        assertThat(check(FILES, "1837", "3675")).singleElement().extracting(Outlier::kind).isEqualTo(Outlier.Kind.CHANGE);
        assertThat(check(FILES, "1837", "918")).singleElement().extracting(Outlier::kind).isEqualTo(Outlier.Kind.CHANGE);
        assertThat(check(FILES, "1837", "3900").get(0).description())
                .isEqualTo("Tổng số hồ sơ TTHC đã tiếp nhận (III.3.1) thay đổi nhiều so với kỳ trước (6 tháng đầu năm 2026). "
                        + "Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%.");
    }

    @Test
    void withoutHistoryOrFromZeroThereIsNothingToCompare() {
        assertThat(check(FILES, null, "100000")).isEmpty();
        assertThat(check(FILES, "0", "3900")).isEmpty();
    }

    @Test
    void aRowsOwnRatioMinimumAndMaximum() {
        assertThat(check(STAFF, "30", "36")).isEmpty();
        assertThat(check(STAFF, "30", "37")).extracting(Outlier::kind).containsExactly(Outlier.Kind.CHANGE);
        assertThat(check(STAFF, null, "9")).extracting(Outlier::kind).containsExactly(Outlier.Kind.BELOW_MIN);
        assertThat(check(STAFF, null, "9").get(0).description()).contains("tối thiểu 10 người", "nay 9");
        assertThat(check(STAFF, "70", "81")).extracting(Outlier::kind).containsExactly(Outlier.Kind.ABOVE_MAX);
        assertThat(check(STAFF, "30", "90")).extracting(Outlier::kind).containsExactly(Outlier.Kind.ABOVE_MAX, Outlier.Kind.CHANGE);
    }

    @Test
    void aRowSwitchedOffIsNotComparedButKeepsItsRange() {
        OutlierPolicy off = new OutlierPolicy(BigDecimal.ONE, Map.of("III.3.1", new OutlierPolicy.RowLimits(null, true, null,
                new BigDecimal("5000"))));
        assertThat(OutlierRule.evaluate(off, FILES, "Hồ sơ", new BigDecimal("10"), new BigDecimal("4000"), null)).isEmpty();
        assertThat(OutlierRule.evaluate(off, FILES, "Hồ sơ", new BigDecimal("10"), new BigDecimal("6000"), null))
                .extracting(Outlier::kind).containsExactly(Outlier.Kind.ABOVE_MAX);
        assertThat(OutlierRule.evaluate(OutlierPolicy.none(), FILES, "Hồ sơ", new BigDecimal("10"), new BigDecimal("6000"), null)).isEmpty();
    }
}
