package vn.communereport.web.form;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.EntryLock;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.messaging.Texts;

/**
 * What the form says to a department the office let enter late, once entry locked for the others: until which day it
 * may still enter and hand in, and that it locks after that day.
 */
@Component
class FormLateEntry {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final EntryLock lock;
    private final CollectionService collection;
    private final Texts texts;
    private final Clock clock;

    FormLateEntry(EntryLock lock, CollectionService collection, Texts texts, Clock clock) {
        this.lock = lock;
        this.collection = collection;
        this.texts = texts;
        this.clock = clock;
    }

    /** The sentence, or empty when the part is not entered late now (before the lock, handed in, closed, or no exception). */
    Optional<String> note(FormPart part) {
        ReportingPeriod period = part.period();
        String department = part.flow().departmentCode();
        if (!period.isOpen() || collection.isSubmitted(period.getId(), department)) {
            return Optional.empty();
        }
        return lock.state(period, department)
                .filter(state -> !state.locked() && state.lateUntil() != null && !clock.instant().isBefore(state.locksAt()))
                .map(state -> texts.get("form-controls.late.until", part.scope().office(), part.departmentName(),
                        DAY.format(state.lateUntil()), DateTimeFormatter.ofPattern(texts.get("period.deadline-format"))
                                .format(state.locksAt().atZone(clock.getZone()))));
    }
}
