package vn.communereport.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The office opens a reporting period with its deadline, and closes it; members are told either way. */
@Component
class OfficePeriods {

    private final AccessService access;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Texts texts;
    private final Clock clock;
    private final ActionCodec actions;
    private final OfficeMenu buttons;

    OfficePeriods(AccessService access, PeriodService periods, CollectionService collection, Texts texts, Clock clock,
                  ActionCodec actions, OfficeMenu buttons) {
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.texts = texts;
        this.clock = clock;
        this.actions = actions;
        this.buttons = buttons;
    }

    void choose(Turn turn, String argument) {
        PeriodKey current = PeriodKey.containing(turn.scope.report().frequency(), LocalDate.now(clock));
        List<List<Button>> rows = new ArrayList<>();
        for (PeriodKey key : List.of(current.previous(), current, current.next())) {
            rows.add(List.of(actions.button(key.label(), Action.of(Act.OPEN_PERIOD, key.key()))));
        }
        turn.say(texts.get("period.choose", turn.scope.report().name()), rows);
    }

    void askDeadline(Turn turn, String periodKey) {
        Optional<PeriodKey> key = readKey(periodKey).filter(k -> k.frequency() == turn.scope.report().frequency());
        if (key.isEmpty()) {
            Stale.button(turn, texts);
            choose(turn, "");
            return;
        }
        turn.state.awaitDeadline(key.get().key());
        turn.say(texts.get("period.ask-deadline", key.get().label()));
    }

    private static Optional<PeriodKey> readKey(String text) {
        try {
            return Optional.of(PeriodKey.parse(text));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The deadline the office was asked for. */
    void openWithDeadline(Turn turn, String text) {
        PeriodKey key = PeriodKey.parse(turn.state.context());
        Optional<ZonedDateTime> deadline = DeadlineParser.parse(text, clock);
        if (deadline.isEmpty()) {
            turn.say(texts.get("period.deadline-invalid"));
            return;
        }
        if (!deadline.get().toInstant().isAfter(clock.instant())) {
            turn.say(texts.get("period.deadline-past"));
            return;
        }
        PeriodService.Opening opening = periods.open(turn.scope.communeCode(), turn.scope.report(), key, deadline.get().toInstant());
        turn.state.idle();
        if (opening.outcome() == PeriodService.OpenOutcome.ANOTHER_OPEN) {
            turn.say(texts.get("period.another-open", opening.period().key().label()));
            return;
        }
        String when = DateTimeFormatter.ofPattern(texts.get("period.deadline-format")).format(deadline.get());
        collection.recordPeriodEvent(opening.period(), "PERIOD_OPENED", turn.member.getId(), when);
        turn.say(texts.get("period.opened", turn.scope.report().name(), key.label(), when));
        for (Flow flow : turn.scope.flows()) {
            turn.tellAll(access.departmentMembers(turn.scope.communeCode(), flow.departmentCode()),
                    texts.get("period.opened-member", turn.scope.report().name(), key.label(), when,
                            turn.scope.department(flow.departmentCode()).name(), flow.size()),
                    List.of(List.of(buttons.continueButton("button.start"))));
        }
    }

    void askClose(Turn turn, String argument) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        if (!period.isOpen()) {
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.ask-close", period.key().label()),
                List.of(List.of(actions.button(texts.get("button.close-period"), Action.of(Act.CLOSE_PERIOD, period.getId())))));
    }

    void close(Turn turn, long periodId) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        if (period.getId() != periodId || !periods.close(period.getId())) {
            Stale.button(turn, texts);
            turn.say(texts.get("period.none-open"));
            return;
        }
        collection.recordPeriodEvent(period, "PERIOD_CLOSED", turn.member.getId(), null);
        turn.say(texts.get("period.closed", period.key().label()));
        for (DepartmentProgress progress : collection.progress(period, turn.scope.flows())) {
            if (progress.state() != DepartmentProgress.State.SUBMITTED) {
                turn.tellAll(access.departmentMembers(turn.scope.communeCode(), progress.departmentCode()),
                        texts.get("period.closed-late", turn.scope.report().name(), period.key().label(),
                                turn.scope.department(progress.departmentCode()).name(), turn.scope.office()), List.of());
            }
        }
    }
}
