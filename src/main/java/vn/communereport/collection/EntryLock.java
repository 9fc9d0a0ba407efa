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
 * Whether a department may still enter or hand in its part of an open period: entry locks by itself at the deadline
 * plus the report's grace ({@code cut_off}), except for a department the office let enter late, to the end of that
 * day. A report without {@code cut_off}, or a period without a deadline, never locks by itself.
 */
@Service
public class EntryLock {

    /** When the period locked (or will), its deadline, and the day a late-entry exception of the department ends (or null). */
    public record State(Instant deadline, Instant locksAt, LocalDate lateUntil, boolean locked) {
    }

    private final ReportScopes scopes;
    private final LateEntryExceptionRepository exceptions;
    private final Clock clock;

    EntryLock(ReportScopes scopes, LateEntryExceptionRepository exceptions, Clock clock) {
        this.scopes = scopes;
        this.exceptions = exceptions;
        this.clock = clock;
    }

    /** When entry of the period locks by itself: its deadline plus the grace; empty when it does not. */
    public Optional<Instant> locksAt(ReportingPeriod period) {
        if (period.getDeadline() == null) {
            return Optional.empty();
        }
        return scopes.of(period.getCommuneCode(), period.getReportCode())
                .flatMap(scope -> scope.report().cutOffRule())
                .map(CutOff::grace)
                .map(grace -> period.getDeadline().plus(grace));
    }

    /** Is entry locked for this department now? (Closed periods and submitted parts are locked by their own rules.) */
    @Transactional(readOnly = true)
    public boolean lockedNow(ReportingPeriod period, String departmentCode) {
        return state(period, departmentCode).map(State::locked).orElse(false);
    }

    /** The department's lock as of now; empty when the period does not lock by itself. */
    @Transactional(readOnly = true)
    public Optional<State> state(ReportingPeriod period, String departmentCode) {
        Optional<Instant> locksAt = locksAt(period);
        if (locksAt.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate lateUntil = exceptions.findByPeriodIdAndDepartmentCode(period.getId(), departmentCode)
                .map(LateEntryException::getEndsOn)
                .filter(day -> now.isBefore(endOf(day)))
                .orElse(null);
        boolean locked = !now.isBefore(locksAt.get()) && lateUntil == null;
        return Optional.of(new State(period.getDeadline(), locksAt.get(), lateUntil, locked));
    }

    /** The first instant after a late-entry day: the exception holds to the end of that day, in the deployment's zone. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }
}
