package vn.communereport.reminder;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The office of a commune was proposed a period of a report once its data window ended; the unique key makes it once. */
@Entity
class PeriodProposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private String reportCode;
    private String periodKey;
    private Instant proposedAt;
    private Instant openedAt;
    private Long openedBy;

    protected PeriodProposal() {
    }

    PeriodProposal(String communeCode, String reportCode, String periodKey, Instant proposedAt) {
        this.communeCode = communeCode;
        this.reportCode = reportCode;
        this.periodKey = periodKey;
        this.proposedAt = proposedAt;
    }
}

interface PeriodProposalRepository extends JpaRepository<PeriodProposal, Long> {

    boolean existsByCommuneCodeAndReportCodeAndPeriodKey(String communeCode, String reportCode, String periodKey);

    /**
     * Claims the opening of a proposed period: of two taps at once, on any instance, one gets 1 (the other waits for
     * its row lock, then finds opened_at set). Flushed first, not cleared after, as the turn goes on with its entities.
     */
    @Modifying(flushAutomatically = true)
    @Query("update PeriodProposal p set p.openedAt = :at, p.openedBy = :by where p.communeCode = :commune and p.reportCode = :report"
            + " and p.periodKey = :period and p.openedAt is null")
    int claimOpening(@Param("commune") String communeCode, @Param("report") String reportCode, @Param("period") String periodKey,
                     @Param("by") long adminId, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query("update PeriodProposal p set p.openedAt = null, p.openedBy = null where p.communeCode = :commune and p.reportCode = :report"
            + " and p.periodKey = :period")
    int releaseOpening(@Param("commune") String communeCode, @Param("report") String reportCode, @Param("period") String periodKey);
}
