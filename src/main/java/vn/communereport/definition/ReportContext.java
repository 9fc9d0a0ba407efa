package vn.communereport.definition;

import java.nio.file.Path;
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
    private final ReminderPolicy reminders;

    ReportContext(Definitions definitions,
                  @Value("${app.commune:}") String communeCode,
                  @Value("${app.report:}") String reportCode) {
        this.commune = pick(definitions.communes().keySet().stream().toList(), communeCode, "commune", "APP_COMMUNE")
                .transform(code -> definitions.commune(code).orElseThrow());
        this.report = pick(definitions.reports().keySet().stream().toList(), reportCode, "report", "APP_REPORT")
                .transform(code -> definitions.report(code).orElseThrow());
        this.reminders = report.reminders().withHolidays(commune.holidays());
        for (Flow flow : report.flowsByDepartment().values()) {
            if (commune.department(flow.departmentCode()).isEmpty()) {
                throw DefinitionException.of(Path.of("conversations", "reports", report.code(), "flows"),
                        flow.departmentCode(), "definition.context.unknown-department", commune.code(), flow.departmentCode());
            }
        }
    }

    /** {@code what} is "commune" or "report": it names the texts {@code definition.context.unknown-<what>} and
     * {@code definition.context.several-<what>s}. */
    private static String pick(List<String> known, String configured, String what, String variable) {
        if (configured != null && !configured.isBlank()) {
            if (!known.contains(configured)) {
                throw DefinitionException.of(Path.of("conversations"), variable, "definition.context.unknown-" + what,
                        configured, String.join(", ", known));
            }
            return configured;
        }
        if (known.size() != 1) {
            throw DefinitionException.of(Path.of("conversations"), variable, "definition.context.several-" + what + "s",
                    String.join(", ", known), variable);
        }
        return known.get(0);
    }

    public CommuneDefinition commune() {
        return commune;
    }

    public ReportDefinition report() {
        return report;
    }

    /** When to remind: the report's schedule and working hours, on the commune's working days (its holidays off). */
    public ReminderPolicy reminders() {
        return reminders;
    }

    /** The departments that owe a part of the report, in the commune file's order. */
    public List<Flow> flows() {
        return commune.departments().stream()
                .map(d -> report.flow(d.code()))
                .flatMap(java.util.Optional::stream)
                .toList();
    }
}
