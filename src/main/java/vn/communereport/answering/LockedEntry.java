package vn.communereport.answering;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.EntryLock;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Texts;

/**
 * The sentence every channel gives when a department's entry locked by itself (deadline plus grace): the period, the
 * deadline, the grace and the hour it locked, from the period and the report's definition.
 */
@Component
public class LockedEntry {

    private final EntryLock lock;
    private final ReportScopes scopes;
    private final Texts texts;
    private final Clock clock;

    LockedEntry(EntryLock lock, ReportScopes scopes, Texts texts, Clock clock) {
        this.lock = lock;
        this.scopes = scopes;
        this.texts = texts;
        this.clock = clock;
    }

    /** Why the department cannot enter or hand in now, or empty when its entry is not locked by the deadline. */
    public Optional<String> refusal(ReportingPeriod period, String departmentCode) {
        Optional<EntryLock.State> state = lock.state(period, departmentCode);
        Optional<ReportScope> scope = scopes.of(period.getCommuneCode(), period.getReportCode());
        if (state.isEmpty() || !state.get().locked() || scope.isEmpty()) {
            return Optional.empty();
        }
        String department = scope.get().commune().department(departmentCode).map(d -> d.name()).orElse(departmentCode);
        long graceHours = scope.get().report().cutOffRule().map(c -> c.graceHours()).orElse(0L);
        return Optional.of(texts.get("windows.locked", texts.get("communes.report-period", scope.get().report().name(), period.key().label()),
                at(state.get().locksAt()), at(state.get().deadline()), String.valueOf(graceHours), department, scope.get().office()));
    }

    /** "17:00 ngày 17/06/2026" */
    public String at(Instant instant) {
        return DateTimeFormatter.ofPattern(texts.get("period.deadline-format")).format(instant.atZone(clock.getZone()));
    }
}
