package vn.communereport.collection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PeriodRepository extends JpaRepository<ReportingPeriod, Long> {

    Optional<ReportingPeriod> findFirstByCommuneCodeAndReportCodeAndStatusOrderByStartsOnDesc(
            String communeCode, String reportCode, ReportingPeriod.Status status);

    List<ReportingPeriod> findByCommuneCodeAndStatus(String communeCode, ReportingPeriod.Status status);

    List<ReportingPeriod> findByCommuneCodeAndReportCodeAndStatus(String communeCode, String reportCode, ReportingPeriod.Status status);

    Optional<ReportingPeriod> findFirstByCommuneCodeAndReportCodeAndStartsOnLessThanOrderByStartsOnDesc(
            String communeCode, String reportCode, java.time.LocalDate startsOn);

    Optional<ReportingPeriod> findFirstByCommuneCodeAndReportCodeAndStatusAndStartsOnLessThanOrderByStartsOnDesc(
            String communeCode, String reportCode, ReportingPeriod.Status status, java.time.LocalDate startsOn);

    Optional<ReportingPeriod> findByCommuneCodeAndReportCodeAndPeriodKey(String communeCode, String reportCode, String periodKey);

    List<ReportingPeriod> findByCommuneCodeInAndReportCodeOrderByStartsOnDesc(Collection<String> communeCodes, String reportCode);

    /**
     * Claims the one "all parts are in" message of a period; only one caller, on any instance, gets 1. The persistence
     * context is flushed first and not cleared after: clearing it would drop the changes the rest of the turn makes
     * to entities loaded before (the submitter's conversation state stayed "confirm submit").
     */
    @Modifying(flushAutomatically = true)
    @Query("update ReportingPeriod p set p.allInNotifiedAt = :at where p.id = :id and p.allInNotifiedAt is null")
    int claimAllInNotice(@Param("id") Long id, @Param("at") Instant at);

    /** Locks the period's row until the transaction ends, so submissions of one period take turns on any instance. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ReportingPeriod p where p.id = :id")
    Optional<ReportingPeriod> lockById(@Param("id") Long id);

    /** The period's status as committed, whatever copy of the period this transaction already holds. */
    @Query("select p.status from ReportingPeriod p where p.id = :id")
    Optional<ReportingPeriod.Status> statusOf(@Param("id") Long id);

    @Modifying(flushAutomatically = true)
    @Query("update ReportingPeriod p set p.allInNotifiedAt = null where p.id = :id")
    int releaseAllInNotice(@Param("id") Long id);
}

interface AnswerRepository extends JpaRepository<Answer, Long> {

    Optional<Answer> findByPeriodIdAndQuestionId(Long periodId, String questionId);

    List<Answer> findByPeriodIdAndDepartmentCode(Long periodId, String departmentCode);

    List<Answer> findByPeriodId(Long periodId);

    List<Answer> findByPeriodIdAndQuestionIdIn(Long periodId, Collection<String> questionIds);
}

interface AnswerChangeRepository extends JpaRepository<AnswerChange, Long> {

    List<AnswerChange> findByPeriodIdAndQuestionIdOrderByIdAsc(Long periodId, String questionId);

    List<AnswerChange> findByPeriodIdAndQuestionIdInOrderByIdAsc(Long periodId, Collection<String> questionIds);
}

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    Optional<Submission> findByPeriodIdAndDepartmentCode(Long periodId, String departmentCode);

    List<Submission> findByPeriodId(Long periodId);
}

interface SubmissionEventRepository extends JpaRepository<SubmissionEvent, Long> {
}
