package vn.communereport.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A person known to the bot in one commune: a department member, an office administrator, or both. */
@Entity
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private String displayName;
    private String departmentCode;
    private boolean officeAdmin;
    private boolean active = true;
    /** The report this member last chose to act in, when their department owes several at once; null until then. */
    private String reportCode;
    private Instant createdAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected Member() {
    }

    Member(String communeCode, String displayName, Instant createdAt) {
        this.communeCode = communeCode;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public boolean isOfficeAdmin() {
        return officeAdmin;
    }

    public String getReportCode() {
        return reportCode;
    }

    public boolean isActive() {
        return active;
    }

    /** Someone who may answer a department's flow. */
    public boolean answersFor(String department) {
        return active && department != null && department.equals(departmentCode);
    }

    void joinDepartment(String department) {
        this.departmentCode = department;
        this.active = true;
    }

    void makeOfficeAdmin() {
        this.officeAdmin = true;
        this.active = true;
    }

    void leaveDepartment() {
        this.departmentCode = null;
        if (!officeAdmin) {
            this.active = false;
        }
    }

    void chooseReport(String reportCode) {
        this.reportCode = reportCode;
    }

    void named(String displayName) {
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName;
        }
    }
}
