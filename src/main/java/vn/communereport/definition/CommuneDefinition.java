package vn.communereport.definition;

import java.util.List;
import java.util.Optional;

/** A commune's particulars and departments, from {@code conversations/communes/<code>.yaml}. */
public record CommuneDefinition(
        String code,
        String name,
        String place,
        String province,
        String fileCode,
        List<String> issuingBody,
        String issuingBodyName,
        String documentNumber,
        Signer signer,
        List<String> recipients,
        String archive,
        List<Department> departments) {

    public Optional<Department> department(String departmentCode) {
        return departments.stream().filter(d -> d.code().equals(departmentCode)).findFirst();
    }

    public Department officeDepartment() {
        return departments.stream().filter(Department::office).findFirst().orElseThrow();
    }
}
