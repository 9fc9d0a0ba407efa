package vn.communereport.conversation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The office opens a reporting period with its deadline, and closes it; members are told either way. */
@Component
class OfficePeriods {

    private final OfficeDesk desk;
    private final PeriodService periods;
    private final Texts texts;
    private final Clock clock;
    private final ActionCodec actions;

    OfficePeriods(OfficeDesk desk, PeriodService periods, Texts texts, Clock clock, ActionCodec actions) {
        this.desk = desk;
        this.periods = periods;
        this.texts = texts;
        this.clock = clock;
        this.actions = actions;
    }

    void choose(Turn turn, String argument) {
        List<List<Button>> rows = new ArrayList<>();
        for (PeriodKey key : desk.openable(turn.scope)) {
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
        turn.say(texts.get("period.ask-deadline", texts.get("communes.report-period", turn.scope.report().name(), key.get().label())));
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
        OfficeDesk.Result<OfficeDesk.Opening> opened = desk.openPeriod(turn.scope, turn.member, key, deadline.get());
        OfficeDesk.Opening opening = opened.outcome();
        if (opening.outcome() == OfficeDesk.Open.DEADLINE_PAST) {
            turn.say(texts.get("period.deadline-past"));
            return;
        }
        turn.state.idle();
        if (opening.outcome() == OfficeDesk.Open.WRONG_PERIOD) {
            choose(turn, ""); // the report's frequency changed since the period was chosen
            return;
        }
        if (opening.outcome() == OfficeDesk.Open.ANOTHER_OPEN) {
            turn.say(texts.get("period.another-open", texts.get("communes.report-period", turn.scope.report().name(), opening.period().key().label())));
            return;
        }
        turn.say(texts.get("period.opened", turn.scope.report().name(), key.label(), opening.deadline()));
        turn.out.addAll(opened.notices());
    }

    void askClose(Turn turn, String argument) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        if (!period.isOpen()) {
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.ask-close", texts.get("communes.report-period", turn.scope.report().name(), period.key().label())),
                List.of(List.of(actions.button(texts.get("button.close-period"), Action.of(Act.CLOSE_PERIOD, period.getId())))));
    }

    void close(Turn turn, long periodId) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        OfficeDesk.Result<Boolean> closed = desk.closePeriod(turn.scope, turn.member, periodId);
        if (!closed.outcome()) {
            Stale.button(turn, texts);
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.closed", texts.get("communes.report-period", turn.scope.report().name(), period.key().label())));
        turn.out.addAll(closed.notices());
    }
}
