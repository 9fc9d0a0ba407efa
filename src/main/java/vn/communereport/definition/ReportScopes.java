package vn.communereport.definition;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The communes and the reports each owes: a commune has one scope per report its file lists ({@code reports}). Which
 * of them a person acts in is theirs to choose ({@code acting.ActingScopes}); nothing here picks for them.
 */
@Component
public class ReportScopes {

    private final Definitions definitions;

    public ReportScopes(Definitions definitions) {
        this.definitions = definitions;
    }

    /** The reports a commune owes, in its file's order; empty for a commune that is not (or no longer) defined. */
    public List<ReportScope> owedBy(String communeCode) {
        return definitions.commune(communeCode).map(commune -> commune.reports().stream()
                .map(code -> new ReportScope(commune, definitions.report(code).orElseThrow())).toList()).orElse(List.of());
    }

    /** One report the commune owes; empty when it owes no such report (a tampered or out-of-date code). */
    public Optional<ReportScope> owed(String communeCode, String reportCode) {
        return owedBy(communeCode).stream().filter(s -> s.report().code().equals(reportCode)).findFirst();
    }

    /** The scope of a stored period, by the commune and report codes it carries. */
    public Optional<ReportScope> of(String communeCode, String reportCode) {
        return definitions.commune(communeCode).flatMap(commune -> definitions.report(reportCode).map(report -> new ReportScope(commune, report)));
    }

    public Optional<CommuneDefinition> commune(String communeCode) {
        return definitions.commune(communeCode);
    }

    /** Every commune in code order. */
    public List<CommuneDefinition> communes() {
        return definitions.communes().values().stream().toList();
    }

    /** Every commune with every report it owes, for work that runs for all of them (reminders). */
    public List<ReportScope> all() {
        return definitions.communes().keySet().stream().sorted().flatMap(code -> owedBy(code).stream()).toList();
    }
}
