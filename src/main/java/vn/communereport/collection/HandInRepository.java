package vn.communereport.collection;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** When each department handed in its part of these periods, and what became of it (the audit's events). */
interface HandInRepository extends Repository<SubmissionEvent, Long> {

    /** Rows of (period id, department code, event, when) for hand-ins, approvals, returns and reopenings, in order. */
    @Query("select e.periodId, e.departmentCode, e.event, e.happenedAt from SubmissionEvent e where e.periodId in :periods"
            + " and e.event in ('SUBMITTED', 'APPROVED', 'RETURNED', 'REOPENED') order by e.id")
    List<Object[]> partEvents(@Param("periods") Collection<Long> periods);
}
