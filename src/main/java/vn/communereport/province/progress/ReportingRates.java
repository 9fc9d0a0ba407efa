package vn.communereport.province.progress;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.province.definition.ProvinceDefinition;
import vn.communereport.province.definition.Provinces;

/**
 * Completeness and timeliness per commune over the last periods, as DHIS2 counts them: the reporting rate is parts
 * handed in / parts expected, the on-time rate parts handed in by the deadline / parts expected. A period a commune
 * never opened still expects its parts: not reporting is what the rate is there to show.
 */
@Service
public class ReportingRates {

    /** One commune's counts over the periods; rates are worked out from them, so a province total sums the counts. */
    public record Rates(CommuneDefinition commune, int expected, int submitted, int onTime) {

        /** Parts handed in per hundred expected, or null when none was expected. */
        public Double reportingRate() {
            return expected == 0 ? null : 100.0 * submitted / expected;
        }

        public Double onTimeRate() {
            return expected == 0 ? null : 100.0 * onTime / expected;
        }
    }

    public record Table(List<PeriodKey> periods, List<Rates> communes, Rates province) {
    }

    private final Provinces provinces;
    private final ProvinceProgress progress;

    ReportingRates(Provinces provinces, ProvinceProgress progress) {
        this.provinces = provinces;
        this.progress = progress;
    }

    /**
     * Over the province's last {@code count} periods: those some commune of the province opened (periods before the
     * bot was used expect nothing of anyone).
     */
    @Transactional(readOnly = true)
    public Table lastPeriods(ProvinceDefinition province, ReportDefinition report, int count) {
        List<PeriodKey> opened = progress.periods(province, report);
        List<PeriodKey> keys = opened.subList(0, Math.min(count, opened.size()));
        List<Rates> communes = new ArrayList<>();
        int expected = 0;
        int submitted = 0;
        int onTime = 0;
        for (CommuneDefinition commune : provinces.communesOwing(province, report)) {
            int e = 0;
            int s = 0;
            int t = 0;
            for (PeriodKey key : keys) {
                CommuneStatus status = progress.of(commune, report, key);
                e += status.expected();
                s += status.submitted();
                t += status.onTime();
            }
            communes.add(new Rates(commune, e, s, t));
            expected += e;
            submitted += s;
            onTime += t;
        }
        return new Table(List.copyOf(keys), List.copyOf(communes), new Rates(null, expected, submitted, onTime));
    }
}
