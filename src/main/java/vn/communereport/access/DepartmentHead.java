package vn.communereport.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** The head (trưởng phòng) of one department of a commune: one member of it, named by the office or by an invite. */
@Entity
@IdClass(DepartmentHead.Key.class)
class DepartmentHead {

    @Id
    private String communeCode;
    @Id
    private String departmentCode;
    private long memberId;
    private long namedBy;
    private Instant namedAt;

    protected DepartmentHead() {
    }

    DepartmentHead(String communeCode, String departmentCode, long memberId, long namedBy, Instant namedAt) {
        this.communeCode = communeCode;
        this.departmentCode = departmentCode;
        this.memberId = memberId;
        this.namedBy = namedBy;
        this.namedAt = namedAt;
    }

    long memberId() {
        return memberId;
    }

    String departmentCode() {
        return departmentCode;
    }

    void replaceBy(long memberId, long namedBy, Instant at) {
        this.memberId = memberId;
        this.namedBy = namedBy;
        this.namedAt = at;
    }

    static final class Key implements Serializable {
        private String communeCode;
        private String departmentCode;

        Key() {
        }

        Key(String communeCode, String departmentCode) {
            this.communeCode = communeCode;
            this.departmentCode = departmentCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.communeCode.equals(communeCode) && k.departmentCode.equals(departmentCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communeCode, departmentCode);
        }
    }
}
