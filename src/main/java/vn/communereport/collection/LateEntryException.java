package vn.communereport.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.jpa.repository.JpaRepository;

/** The office let one department of a period enter late, to the end of a day; granted again, the day moves. */
@Entity
class LateEntryException {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String departmentCode;
    private LocalDate endsOn;
    private long grantedBy;
    private Instant grantedAt;

    protected LateEntryException() {
    }

    LateEntryException(Long periodId, String departmentCode) {
        this.periodId = periodId;
        this.departmentCode = departmentCode;
    }

    void grant(LocalDate endsOn, long adminId, Instant at) {
        this.endsOn = endsOn;
        this.grantedBy = adminId;
        this.grantedAt = at;
    }

    LocalDate getEndsOn() {
        return endsOn;
    }

    LateEntries.Granted view() {
        return new LateEntries.Granted(departmentCode, endsOn, grantedBy, grantedAt);
    }
}

interface LateEntryExceptionRepository extends JpaRepository<LateEntryException, Long> {

    Optional<LateEntryException> findByPeriodIdAndDepartmentCode(Long periodId, String departmentCode);

    java.util.List<LateEntryException> findByPeriodIdOrderByDepartmentCode(Long periodId);
}
