package vn.communereport.reminder;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.springframework.data.jpa.repository.JpaRepository;

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
}
