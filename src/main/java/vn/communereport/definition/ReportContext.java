package vn.communereport.definition;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;


/**
 * The commune this deployment serves and the report it is collecting. Both are named in configuration;
 * when the definitions hold just one of each, that one is used.
 */
@Component
public class ReportContext {

    private final CommuneDefinition commune;
    private final ReportDefinition report;

    ReportContext(Definitions definitions,
                  @Value("${app.commune:}") String communeCode,
                  @Value("${app.report:}") String reportCode) {
        this.commune = pick(definitions.communes().keySet().stream().toList(), communeCode, "commune", "APP_COMMUNE")
                .transform(code -> definitions.commune(code).orElseThrow());
        this.report = pick(definitions.reports().keySet().stream().toList(), reportCode, "report", "APP_REPORT")
                .transform(code -> definitions.report(code).orElseThrow());
        for (Flow flow : report.flowsByDepartment().values()) {
            if (commune.department(flow.departmentCode()).isEmpty()) {
                throw new DefinitionException(java.nio.file.Path.of("conversations", "reports", report.code(), "flows"),
                        flow.departmentCode(), "commune '" + commune.code() + "' has no department '" + flow.departmentCode() + "'");
            }
        }
    }

    private static String pick(List<String> known, String configured, String what, String variable) {
        if (configured != null && !configured.isBlank()) {
            if (!known.contains(configured)) {
                throw new DefinitionException(java.nio.file.Path.of("conversations"), variable,
                        "no " + what + " '" + configured + "' (known: " + String.join(", ", known) + ")");
            }
            return configured;
        }
        if (known.size() != 1) {
            throw new DefinitionException(java.nio.file.Path.of("conversations"), variable,
                    "several " + what + "s are defined (" + String.join(", ", known) + "): set " + variable + " to choose one");
        }
        return known.get(0);
    }

    public CommuneDefinition commune() {
        return commune;
    }

    public ReportDefinition report() {
        return report;
    }

    /** The departments that owe a part of the report, in the commune file's order. */
    public List<Flow> flows() {
        return commune.departments().stream()
                .map(d -> report.flow(d.code()))
                .flatMap(java.util.Optional::stream)
                .toList();
    }
}
