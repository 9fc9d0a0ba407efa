package vn.communereport.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.definition.CutOff;
import vn.communereport.definition.ReportScopes;

/**
 * Grants one department of a period late entry to the end of a day, with an audit entry. Who may grant (the office of
 * the period's commune) is checked by the caller, which knows the person; what may be granted is checked here.
 */
@Service
public class LateEntries {

    public enum Outcome {
        GRANTED,
        /** the period is closed, or does not lock by itself (no cut-off or no deadline) */
        NOT_LOCKING,
        /** the department's part is handed in: nothing to enter */
        SUBMITTED,
        /** the end day is before today, or not after the day entry locks */
        END_TOO_EARLY,
        /** the end day is more than the report's late_entry_max_days after the lock */
        END_TOO_LATE
    }

    /** {@code locksAt}: when entry locks for everyone else; {@code latest}: the last end day allowed. */
    public record Grant(Outcome outcome, Instant locksAt, LocalDate latest) {
    }

    /** A department's late entry as granted last: to the end of {@code endsOn}, by whom and when. */
    public record Granted(String departmentCode, LocalDate endsOn, long grantedBy, Instant grantedAt) {
    }

    private final EntryLock lock;
    private final ReportScopes scopes;
    private final LateEntryExceptionRepository exceptions;
    private final SubmissionEventRepository events;
    private final SubmissionRepository submissions;
    private final Clock clock;

    LateEntries(EntryLock lock, ReportScopes scopes, LateEntryExceptionRepository exceptions, SubmissionEventRepository events,
                SubmissionRepository submissions, Clock clock) {
        this.lock = lock;
        this.scopes = scopes;
        this.exceptions = exceptions;
        this.events = events;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Transactional
    public Grant grant(ReportingPeriod period, String departmentCode, LocalDate endsOn, long adminId) {
        Optional<Instant> locksAt = lock.locksAt(period);
        if (!period.isOpen() || locksAt.isEmpty()) {
            return new Grant(Outcome.NOT_LOCKING, null, null);
        }
        int maxDays = scopes.of(period.getCommuneCode(), period.getReportCode()).flatMap(s -> s.report().cutOffRule())
                .map(CutOff::maxLateDays).orElse(0);
        LocalDate lockDay = locksAt.get().atZone(clock.getZone()).toLocalDate();
        LocalDate latest = lockDay.plusDays(maxDays);
        if (submissions.findByPeriodIdAndDepartmentCode(period.getId(), departmentCode).map(Submission::isSubmitted).orElse(false)) {
            return new Grant(Outcome.SUBMITTED, locksAt.get(), latest);
        }
        LocalDate today = LocalDate.now(clock);
        if (endsOn.isBefore(today) || !lock.endOf(endsOn).isAfter(locksAt.get())) {
            return new Grant(Outcome.END_TOO_EARLY, locksAt.get(), latest);
        }
        if (endsOn.isAfter(latest)) {
            return new Grant(Outcome.END_TOO_LATE, locksAt.get(), latest);
        }
        Instant now = clock.instant();
        LateEntryException exception = exceptions.findByPeriodIdAndDepartmentCode(period.getId(), departmentCode)
                .orElseGet(() -> new LateEntryException(period.getId(), departmentCode));
        exception.grant(endsOn, adminId, now);
        exceptions.saveAndFlush(exception);
        events.save(new SubmissionEvent(period.getId(), departmentCode, "LATE_ENTRY_GRANTED", adminId, endsOn.toString(), now));
        return new Grant(Outcome.GRANTED, locksAt.get(), latest);
    }

    /** Every late entry granted in the period, by department: the console shows them beside its grant form. */
    @Transactional(readOnly = true)
    public java.util.List<Granted> ofPeriod(long periodId) {
        return exceptions.findByPeriodIdOrderByDepartmentCode(periodId).stream().map(LateEntryException::view).toList();
    }
}
