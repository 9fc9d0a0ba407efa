package vn.communereport.web.console;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.EntryLock;
import vn.communereport.collection.LateEntries;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Texts;

/**
 * The period page's late-entry part: when entry locks, the departments that may still be let in (not handed in), and
 * every late entry granted in the period with its last day, who granted it and whether it still holds.
 */
@Component
class LateEntryPanel {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Choice(String code, String name) {
    }

    record Granted(String department, String until, String by, String at, boolean holds) {
    }

    private final EntryLock lock;
    private final LateEntries lateEntries;
    private final CollectionService collection;
    private final LockedEntry lockedEntry;
    private final ConsoleViews views;
    private final Texts texts;
    private final Clock clock;

    LateEntryPanel(EntryLock lock, LateEntries lateEntries, CollectionService collection, LockedEntry lockedEntry, ConsoleViews views,
                   Texts texts, Clock clock) {
        this.lock = lock;
        this.lateEntries = lateEntries;
        this.collection = collection;
        this.lockedEntry = lockedEntry;
        this.views = views;
        this.texts = texts;
        this.clock = clock;
    }

    /** Puts the part on the page's model; {@code error} is a refusal of the last grant, already worded, or null. */
    void addTo(Model model, ReportScope scope, ReportingPeriod period, String error) {
        Optional<Instant> locksAt = period.isOpen() ? lock.locksAt(period) : Optional.empty();
        model.addAttribute("lateLocking", locksAt.isPresent());
        model.addAttribute("lateError", error);
        if (locksAt.isEmpty()) {
            return;
        }
        boolean locked = !clock.instant().isBefore(locksAt.get());
        model.addAttribute("lateState", texts.get(locked ? "form-controls.console.locked" : "form-controls.console.locks",
                lockedEntry.at(locksAt.get()), String.valueOf(scope.report().cutOffRule().map(c -> c.maxLateDays()).orElse(0))));
        List<Choice> choices = new ArrayList<>();
        for (Flow flow : scope.flows()) {
            if (!collection.isSubmitted(period.getId(), flow.departmentCode())) {
                choices.add(new Choice(flow.departmentCode(), scope.department(flow.departmentCode()).name()));
            }
        }
        model.addAttribute("lateDepartments", choices);
        List<Granted> granted = new ArrayList<>();
        for (LateEntries.Granted g : lateEntries.ofPeriod(period.getId())) {
            String name = scope.commune().department(g.departmentCode()).map(d -> d.name()).orElse(g.departmentCode());
            granted.add(new Granted(name, DAY.format(g.endsOn()), views.who(g.grantedBy()), views.when(g.grantedAt()),
                    clock.instant().isBefore(lock.endOf(g.endsOn()))));
        }
        model.addAttribute("lateGranted", granted);
    }
}
