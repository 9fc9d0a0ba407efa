package vn.communereport.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A single-use code that lets one person join one department. */
@Entity
class Invite {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String communeCode;
    private String departmentCode;
    private long createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Long usedBy;
    private Instant usedAt;
    /** Whoever redeems it becomes the department's head. */
    private boolean asHead;
    @Version
    @Column(nullable = false)
    private long version;

    protected Invite() {
    }

    Invite(String code, String communeCode, String departmentCode, long createdBy, Instant createdAt, Instant expiresAt) {
        this.code = code;
        this.communeCode = communeCode;
        this.departmentCode = departmentCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String getCode() {
        return code;
    }

    String getCommuneCode() {
        return communeCode;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Long getId() {
        return id;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** Withdrawn by the office: it ended just before now, so redeeming it is refused as expired (even at this instant). */
    void withdraw(Instant at) {
        this.expiresAt = at.minusMillis(1);
    }

    boolean isAsHead() {
        return asHead;
    }

    Invite asHead() {
        this.asHead = true;
        return this;
    }

    long getCreatedBy() {
        return createdBy;
    }

    boolean isUsed() {
        return usedBy != null;
    }

    void use(long memberId, Instant at) {
        this.usedBy = memberId;
        this.usedAt = at;
    }
}
