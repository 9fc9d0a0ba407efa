package vn.communereport.definition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A commune's particulars and departments, from {@code conversations/communes/<code>.yaml}: what is particular to
 * the province or the commune (the opening sentence citing the province's document, the days off) lives here, not in
 * the report type.
 *
 * @param issuingBodyShort the body's short name as the report writes it inside its text; the full name when the
 *                         file gives none
 * @param openings         report code → the commune's own opening paragraph for that report (a template)
 * @param holidays         days on which no reminder goes out
 * @param reports          the codes of the reports the commune owes, in the file's order
 * @param officeAdmins     the Telegram user ids of the office's administrators; null when the file names none, so that
 *                         the deployment's OFFICE_ADMIN_IDS name them (a deployment's one such commune)
 */
public record CommuneDefinition(
        String code,
        String name,
        String place,
        String province,
        String fileCode,
        List<String> issuingBody,
        String issuingBodyName,
        String issuingBodyShort,
        String documentNumber,
        Signer signer,
        List<String> recipients,
        String archive,
        List<Department> departments,
        Map<String, String> openings,
        Set<LocalDate> holidays,
        List<String> reports,
        List<String> officeAdmins) {

    /** Whether the commune's file names its office administrators ({@code office_admins}), even as an empty list. */
    public boolean namesOfficeAdmins() {
        return officeAdmins != null;
    }

    public boolean owes(String reportCode) {
        return reports.contains(reportCode);
    }

    public Optional<Department> department(String departmentCode) {
        return departments.stream().filter(d -> d.code().equals(departmentCode)).findFirst();
    }

    public Department officeDepartment() {
        return departments.stream().filter(Department::office).findFirst().orElseThrow();
    }

    /** The opening paragraph of a report for this commune: its own, or the report type's generic one. */
    public String opening(ReportDefinition report) {
        return openings.getOrDefault(report.code(), report.opening());
    }
}
