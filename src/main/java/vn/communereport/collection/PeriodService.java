package vn.communereport.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScope;

/** Finds the period that answers go to. */
@Service
public class PeriodService {

    private final PeriodRepository periods;
    private final Clock clock;
    private final OpenPeriodsInTransaction openInTransaction;

    PeriodService(PeriodRepository periods, Clock clock, OpenPeriodsInTransaction openInTransaction) {
        this.periods = periods;
        this.clock = clock;
        this.openInTransaction = openInTransaction;
    }

    /** The open periods of a commune's report, newest first, read once per transaction for all its reports. */
    private java.util.List<ReportingPeriod> open(String communeCode, String reportCode) {
        return openInTransaction.of(communeCode, c -> periods.findByCommuneCodeAndStatus(c, ReportingPeriod.Status.OPEN)).stream()
                .filter(p -> p.getReportCode().equals(reportCode))
                .sorted(java.util.Comparator.comparing(ReportingPeriod::getStartsOn).reversed()).toList();
    }

    /**
     * The open period of a report; when none is open yet, the one containing today is opened, so that a
     * commune can start answering without any set-up (unless the report is one the office opens: then it is kept closed).
     */
    @Transactional
    public ReportingPeriod currentPeriod(String communeCode, ReportDefinition report) {
        Optional<ReportingPeriod> open = open(communeCode, report.code()).stream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        openInTransaction.forget();
        PeriodKey key = PeriodKey.containing(report.frequency(), LocalDate.now(clock));
        return periods.findByCommuneCodeAndReportCodeAndPeriodKey(communeCode, report.code(), key.key())
                .orElseGet(() -> {
                    ReportingPeriod period = new ReportingPeriod(communeCode, report.code(), key, clock.instant());
                    if (!report.opensItself()) {
                        // A report the office opens (opens: by-office) takes no answers until it does.
                        period.close();
                    }
                    return periods.saveAndFlush(period);
                });
    }

    /** The current period of a commune's report. */
    @Transactional
    public ReportingPeriod currentPeriod(ReportScope scope) {
        return currentPeriod(scope.communeCode(), scope.report());
    }

    /** Why a period could not be opened. */
    public enum OpenOutcome { OPENED, ANOTHER_OPEN }

    public record Opening(OpenOutcome outcome, ReportingPeriod period) {
    }

    /**
     * Opens a period with its deadline; one period per report is open at a time, so another open one must be
     * closed first. Opening the period that is already open only moves its deadline.
     */
    @Transactional
    public Opening open(String communeCode, ReportDefinition report, PeriodKey key, java.time.Instant deadline) {
        openInTransaction.forget();
        Optional<ReportingPeriod> open = periods.findFirstByCommuneCodeAndReportCodeAndStatusOrderByStartsOnDesc(
                communeCode, report.code(), ReportingPeriod.Status.OPEN);
        if (open.isPresent() && !open.get().key().equals(key)) {
            return new Opening(OpenOutcome.ANOTHER_OPEN, open.get());
        }
        ReportingPeriod period = periods.findByCommuneCodeAndReportCodeAndPeriodKey(communeCode, report.code(), key.key())
                .orElseGet(() -> periods.save(new ReportingPeriod(communeCode, report.code(), key, clock.instant())));
        period.reopenWithDeadline(deadline);
        return new Opening(OpenOutcome.OPENED, periods.saveAndFlush(period));
    }

    @Transactional
    public boolean close(long periodId) {
        Optional<ReportingPeriod> period = periods.findById(periodId);
        if (period.isEmpty() || !period.get().isOpen()) {
            return false;
        }
        period.get().close();
        openInTransaction.forget();
        return true;
    }

    @Transactional(readOnly = true)
    public java.util.List<ReportingPeriod> openPeriods(String communeCode, ReportDefinition report) {
        return open(communeCode, report.code());
    }

    /** The period before this one, where last period's answers are found. */
    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> previous(ReportingPeriod period) {
        return periods.findFirstByCommuneCodeAndReportCodeAndStartsOnLessThanOrderByStartsOnDesc(
                period.getCommuneCode(), period.getReportCode(), period.getStartsOn());
    }

    /** The latest closed period of the same report and commune that began before this one: one row, whatever the history. */
    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> lastClosedBefore(ReportingPeriod period) {
        return periods.findFirstByCommuneCodeAndReportCodeAndStatusAndStartsOnLessThanOrderByStartsOnDesc(
                period.getCommuneCode(), period.getReportCode(), ReportingPeriod.Status.CLOSED, period.getStartsOn());
    }

    /** A commune's period of a report as stored, if it was ever opened; nothing is created. */
    @Transactional(readOnly = true)
    public Optional<ReportingPeriod> find(String communeCode, String reportCode, PeriodKey key) {
        return periods.findByCommuneCodeAndReportCodeAndPeriodKey(communeCode, reportCode, key.key());
    }

    /** The stored periods of a report in these communes (a province's), newest first. */
    @Transactional(readOnly = true)
    public java.util.List<ReportingPeriod> periodsOf(java.util.Collection<String> communeCodes, String reportCode) {
        return communeCodes.isEmpty() ? java.util.List.of()
                : periods.findByCommuneCodeInAndReportCodeOrderByStartsOnDesc(communeCodes, reportCode);
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
