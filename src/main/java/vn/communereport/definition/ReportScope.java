package vn.communereport.definition;

import java.util.List;
import java.util.Optional;

/**
 * One commune's work on one report: what a turn, a reminder round or a compiled report is about. Found from
 * the person or the period ({@link ReportScopes}), never from a deployment-wide singleton.
 */
public record ReportScope(CommuneDefinition commune, ReportDefinition report) {

    public String communeCode() {
        return commune.code();
    }

    public String reportCode() {
        return report.code();
    }

    /** Whether this department answers a part of this report. */
    public boolean answeredBy(String departmentCode) {
        return flowOf(departmentCode).isPresent() && commune.department(departmentCode).isPresent();
    }

    /** The departments that owe a part of the report, in the commune file's order. */
    public List<Flow> flows() {
        return commune.departments().stream().map(d -> report.flow(d.code())).flatMap(Optional::stream).toList();
    }

    public List<String> owingDepartments() {
        return flows().stream().map(Flow::departmentCode).toList();
    }

    public Department department(String code) {
        return commune.department(code).orElseThrow();
    }

    /** The office's name, as members are told whom to ask. */
    public String office() {
        return commune.officeDepartment().name();
    }

    public Optional<Flow> flowOf(String departmentCode) {
        return departmentCode == null ? Optional.empty() : report.flow(departmentCode);
    }

    /** When to remind: the report's schedule and working hours, on the commune's working days (its holidays off). */
    public ReminderPolicy reminders() {
        return report.reminders().withHolidays(commune.holidays());
    }
}
