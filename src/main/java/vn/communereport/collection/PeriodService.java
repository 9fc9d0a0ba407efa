package vn.communereport.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.definition.ReportDefinition;

/** Finds the period that answers go to. */
@Service
public class PeriodService {

    private final PeriodRepository periods;
    private final Clock clock;

    PeriodService(PeriodRepository periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    /**
     * The open period of a report; when none is open yet, the one containing today is opened, so that a
     * commune can start answering without any set-up.
     */
    @Transactional
    public ReportingPeriod currentPeriod(String communeCode, ReportDefinition report) {
        Optional<ReportingPeriod> open = periods.findFirstByCommuneCodeAndReportCodeAndStatusOrderByStartsOnDesc(
                communeCode, report.code(), ReportingPeriod.Status.OPEN);
        if (open.isPresent()) {
            return open.get();
        }
        PeriodKey key = PeriodKey.containing(report.frequency(), LocalDate.now(clock));
        return periods.findByCommuneCodeAndReportCodeAndPeriodKey(communeCode, report.code(), key.key())
                .orElseGet(() -> periods.saveAndFlush(new ReportingPeriod(communeCode, report.code(), key, clock.instant())));
    }

    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> byId(long periodId) {
        return periods.findById(periodId);
    }

    /** Creating the period can race with another instance; the unique key decides and the loser reads it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ReportingPeriod ensureCurrentPeriod(String communeCode, ReportDefinition report) {
        try {
            return currentPeriod(communeCode, report);
        } catch (DataIntegrityViolationException raced) {
            return currentPeriod(communeCode, report);
        }
    }
}
