package vn.communereport.definition;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Finds the commune and report something is about. A commune owes the report whose flows its departments
 * answer; until a commune owes several reports at once (and a person picks one), that is one report.
 */
@Component
public class ReportScopes {

    private final Definitions definitions;

    public ReportScopes(Definitions definitions) {
        this.definitions = definitions;
    }

    public Optional<ReportScope> forCommune(String communeCode) {
        return definitions.commune(communeCode).flatMap(commune -> reportOwedBy(commune).map(report -> new ReportScope(commune, report)));
    }

    /** The scope of a stored period, by the commune and report codes it carries. */
    public Optional<ReportScope> of(String communeCode, String reportCode) {
        return definitions.commune(communeCode).flatMap(commune -> definitions.report(reportCode).map(report -> new ReportScope(commune, report)));
    }

    /** Every commune with the report it owes, for work that runs for all of them (reminders). */
    public List<ReportScope> all() {
        return definitions.communes().keySet().stream().sorted().map(this::forCommune).flatMap(Optional::stream).toList();
    }

    private Optional<ReportDefinition> reportOwedBy(CommuneDefinition commune) {
        return definitions.reports().values().stream()
                .filter(report -> report.flowsByDepartment().keySet().stream().allMatch(d -> commune.department(d).isPresent()))
                .min(Comparator.comparing(ReportDefinition::code));
    }
}
