package vn.communereport.collection;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** When each department first handed in its part of these periods (the audit's SUBMITTED events). */
interface HandInRepository extends Repository<SubmissionEvent, Long> {

    /** Rows of (period id, department code, first hand-in). */
    @Query("select e.periodId, e.departmentCode, min(e.happenedAt) from SubmissionEvent e"
            + " where e.periodId in :periods and e.event = 'SUBMITTED' group by e.periodId, e.departmentCode")
    List<Object[]> firstHandIns(@Param("periods") Collection<Long> periods);
}
