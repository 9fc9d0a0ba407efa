package vn.communereport.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CutOff;
import vn.communereport.definition.ReportScope;

/**
 * A period's data window and deadline, read from its report's {@code cut_off} with the commune's working days, and
 * which period's window ended last. The proposal, its tap and the late-entry dialog read the same dates from here.
 */
@Component
public class PeriodWindows {

    /** The period, its window's first and last day, and the deadline counted from that last day. */
    public record Window(PeriodKey key, LocalDate from, LocalDate to, ZonedDateTime deadline, CutOff cutOff) {

        public ZonedDateTime locksAt() {
            return deadline.plus(cutOff.grace());
        }
    }

    private final Clock clock;

    PeriodWindows(Clock clock) {
        this.clock = clock;
    }

    /** The window of a period; empty when the report has no cut-off or the period is not of its frequency. */
    public Optional<Window> of(ReportScope scope, PeriodKey key) {
        Optional<CutOff> cutOff = scope.report().cutOffRule();
        if (cutOff.isEmpty() || key.frequency() != scope.report().frequency()) {
            return Optional.empty();
        }
        CutOff c = cutOff.get();
        return Optional.of(new Window(key, c.windowStart(key.year(), key.index()), c.windowEnd(key.year(), key.index()),
                c.deadline(key.year(), key.index(), scope.reminders(), clock.getZone()), c));
    }

    /** The period whose window ended last before today (its last day is over); empty without a cut-off. */
    public Optional<Window> lastEnded(ReportScope scope) {
        LocalDate today = LocalDate.now(clock);
        // A window may end in the calendar period after its own: look from the next period back.
        PeriodKey key = PeriodKey.containing(scope.report().frequency(), today).next();
        for (int i = 0; i < 4; i++, key = key.previous()) {
            Optional<Window> window = of(scope, key);
            if (window.isEmpty()) {
                return Optional.empty();
            }
            if (window.get().to().isBefore(today)) {
                return window;
            }
        }
        return Optional.empty();
    }
}
