package vn.communereport.province.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.province.definition.ProvinceDefinition;
import vn.communereport.province.definition.Provinces;

/** Every commune of a province with a report's period: parts handed in, on time or late. Reads only. */
@Service
public class ProvinceProgress {

    private final Provinces provinces;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Clock clock;

    ProvinceProgress(Provinces provinces, PeriodService periods, CollectionService collection, Clock clock) {
        this.provinces = provinces;
        this.periods = periods;
        this.collection = collection;
        this.clock = clock;
    }

    /** The periods of the report some commune of the province has opened, newest first. */
    @Transactional(readOnly = true)
    public List<PeriodKey> periods(ProvinceDefinition province, ReportDefinition report) {
        List<String> communes = provinces.communesOwing(province, report).stream().map(CommuneDefinition::code).toList();
        Set<PeriodKey> keys = new LinkedHashSet<>();
        periods.periodsOf(communes, report.code()).stream().map(ReportingPeriod::key)
                .sorted(Comparator.comparing(PeriodKey::startsOn).reversed()).forEach(keys::add);
        return List.copyOf(keys);
    }

    /** Each commune owing the report, in the province's order, with its period {@code key}. */
    @Transactional(readOnly = true)
    public List<CommuneStatus> of(ProvinceDefinition province, ReportDefinition report, PeriodKey key) {
        List<CommuneStatus> statuses = new ArrayList<>();
        for (CommuneDefinition commune : provinces.communesOwing(province, report)) {
            statuses.add(of(commune, report, key));
        }
        return statuses;
    }

    @Transactional(readOnly = true)
    public CommuneStatus of(CommuneDefinition commune, ReportDefinition report, PeriodKey key) {
        List<Flow> flows = commune.departments().stream().map(d -> report.flow(d.code())).flatMap(Optional::stream).toList();
        Optional<ReportingPeriod> period = periods.find(commune.code(), report.code(), key);
        List<CommuneStatus.Part> parts = new ArrayList<>();
        if (period.isPresent()) {
            for (DepartmentProgress p : collection.progress(period.get(), flows)) {
                boolean in = p.state() == DepartmentProgress.State.SUBMITTED;
                parts.add(new CommuneStatus.Part(p.departmentCode(), commune.department(p.departmentCode()).orElseThrow().name(),
                        in ? p.inAt() : null)); // approved, where the report asks for approval
            }
        } else {
            flows.forEach(f -> parts.add(new CommuneStatus.Part(f.departmentCode(),
                    commune.department(f.departmentCode()).orElseThrow().name(), null)));
        }
        return new CommuneStatus(commune, period.orElse(null), parts, clock.instant());
    }
}
