package vn.communereport.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.EntryLock;
import vn.communereport.collection.LateEntries;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/**
 * {@code /nhapmuon}: the office lets one department enter late after entry locked (or will lock), to the end of a day
 * it types; the department's members are told. Only the office of the period's commune; refusals change nothing.
 */
@Component
class OfficeLateEntry {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PeriodService periods;
    private final CollectionService collection;
    private final EntryLock lock;
    private final LateEntryGrant grant;
    private final LockedEntry lockedEntry;
    private final ActionCodec actions;
    private final Texts texts;
    private final Clock clock;

    OfficeLateEntry(PeriodService periods, CollectionService collection, EntryLock lock, LateEntryGrant grant,
                    LockedEntry lockedEntry, ActionCodec actions, Texts texts, Clock clock) {
        this.periods = periods;
        this.collection = collection;
        this.lock = lock;
        this.grant = grant;
        this.lockedEntry = lockedEntry;
        this.actions = actions;
        this.texts = texts;
        this.clock = clock;
    }

    /** {@code /nhapmuon [phòng]}: the departments that have not handed in, one button each. */
    void choose(Turn turn, String argument) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        Optional<Instant> locksAt = locking(turn, period);
        if (locksAt.isEmpty()) {
            return;
        }
        Optional<Department> named = Departments.find(turn.scope, argument);
        if (named.isPresent()) {
            askEnd(turn, named.get().code());
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Flow flow : turn.scope.flows()) {
            if (!collection.isSubmitted(period.getId(), flow.departmentCode())) {
                rows.add(List.of(actions.button(turn.scope.department(flow.departmentCode()).name(),
                        Action.of(Act.LATE_ENTRY, flow.departmentCode()))));
            }
        }
        turn.say(rows.isEmpty() ? texts.get("windows.late.none", about(turn, period))
                : texts.get("windows.late.choose", about(turn, period), lockedEntry.at(locksAt.get())), rows);
    }

    /** The department's button: the end day is asked next. */
    void askEnd(Turn turn, String departmentCode) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        Optional<Department> department = turn.scope.commune().department(departmentCode)
                .filter(d -> turn.scope.flowOf(d.code()).isPresent());
        if (department.isEmpty()) {
            Stale.button(turn, texts);
            turn.say(texts.get("windows.late.unknown"));
            return;
        }
        Optional<Instant> locksAt = locking(turn, period);
        if (locksAt.isEmpty()) {
            return;
        }
        turn.state.awaitLateEnd(departmentCode);
        int maxDays = turn.scope.report().cutOffRule().map(c -> c.maxLateDays()).orElse(0);
        turn.say(texts.get("windows.late.ask-end", department.get().name(), about(turn, period), lockedEntry.at(locksAt.get()),
                String.valueOf(maxDays)));
    }

    /** The end day the office typed. */
    void withEndDay(Turn turn, String text) {
        String departmentCode = turn.state.context();
        Optional<LocalDate> day = LateEndParser.parse(text, clock);
        if (day.isEmpty()) {
            turn.say(texts.get("windows.late.day-invalid"));
            return;
        }
        if (!turn.member.isOfficeAdmin() || departmentCode == null || turn.scope.flowOf(departmentCode).isEmpty()) {
            turn.state.idle(); // the person is no longer the office, or the department left the report
            turn.say(texts.get("office.only"));
            return;
        }
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        Department department = turn.scope.department(departmentCode);
        OfficeDesk.Result<Optional<LateEntries.Grant>> granted = grant.grant(turn.scope, turn.member, departmentCode, day.get());
        LateEntries.Grant grant = granted.outcome().orElseThrow(); // the office and the department were checked above
        switch (grant.outcome()) {
            case END_TOO_EARLY -> turn.say(texts.get("windows.late.too-early", lockedEntry.at(grant.locksAt())));
            case END_TOO_LATE -> turn.say(texts.get("windows.late.too-late", DAY.format(grant.latest()),
                    String.valueOf(turn.scope.report().cutOffRule().map(c -> c.maxLateDays()).orElse(0)), lockedEntry.at(grant.locksAt())));
            case SUBMITTED -> {
                turn.state.idle();
                turn.say(texts.get("windows.late.submitted", department.name()));
            }
            case NOT_LOCKING -> {
                turn.state.idle();
                turn.say(texts.get("windows.late.not-locking", about(turn, period)));
            }
            case GRANTED -> {
                turn.state.idle();
                turn.say(texts.get("windows.late.granted", department.name(), about(turn, period), DAY.format(day.get())));
                turn.out.addAll(granted.notices());
            }
        }
    }

    /** When the current period locks; empty (and said why) when it is closed or does not lock by itself. */
    private Optional<Instant> locking(Turn turn, ReportingPeriod period) {
        if (!period.isOpen()) {
            turn.state.idle();
            turn.say(texts.get("period.none-open"));
            return Optional.empty();
        }
        Optional<Instant> locksAt = lock.locksAt(period);
        if (locksAt.isEmpty()) {
            turn.state.idle();
            turn.say(texts.get("windows.late.not-locking", about(turn, period)));
        }
        return locksAt;
    }

    private String about(Turn turn, ReportingPeriod period) {
        return texts.get("communes.report-period", turn.scope.report().name(), period.key().label());
    }
}
