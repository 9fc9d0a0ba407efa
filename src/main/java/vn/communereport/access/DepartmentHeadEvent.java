package vn.communereport.access;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.jpa.repository.JpaRepository;

/** Audit of heads named and removed: who, of which department, by whom, when. */
@Entity
class DepartmentHeadEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private String departmentCode;
    private long memberId;
    private String event;
    private long actedBy;
    private Instant happenedAt;

    protected DepartmentHeadEvent() {
    }

    DepartmentHeadEvent(String communeCode, String departmentCode, long memberId, String event, long actedBy, Instant happenedAt) {
        this.communeCode = communeCode;
        this.departmentCode = departmentCode;
        this.memberId = memberId;
        this.event = event;
        this.actedBy = actedBy;
        this.happenedAt = happenedAt;
    }

    String event() {
        return event;
    }

    long memberId() {
        return memberId;
    }

    long actedBy() {
        return actedBy;
    }
}

interface DepartmentHeadRepository extends JpaRepository<DepartmentHead, DepartmentHead.Key> {

    List<DepartmentHead> findByCommuneCode(String communeCode);
}

interface DepartmentHeadEventRepository extends JpaRepository<DepartmentHeadEvent, Long> {

    List<DepartmentHeadEvent> findByCommuneCodeAndDepartmentCodeOrderByIdAsc(String communeCode, String departmentCode);
}
