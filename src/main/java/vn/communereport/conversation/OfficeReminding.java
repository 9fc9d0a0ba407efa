package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.reminder.ReminderService;

/** The office reminds one late department, or all of them, now. */
@Component
class OfficeReminding {

    private static final String ALL = "all";

    private final PeriodService periods;
    private final CollectionService collection;
    private final ReminderService reminders;
    private final Texts texts;
    private final ActionCodec actions;

    OfficeReminding(PeriodService periods, CollectionService collection, ReminderService reminders, Texts texts, ActionCodec actions) {
        this.periods = periods;
        this.collection = collection;
        this.reminders = reminders;
        this.texts = texts;
        this.actions = actions;
    }

    void choose(Turn turn, String argument) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        List<List<Button>> rows = new ArrayList<>();
        for (DepartmentProgress progress : collection.progress(period, turn.scope.flows())) {
            if (progress.state() != DepartmentProgress.State.SUBMITTED) {
                rows.add(List.of(actions.button(turn.scope.department(progress.departmentCode()).name(),
                        Action.of(Act.REMIND, progress.departmentCode()))));
            }
        }
        if (rows.isEmpty()) {
            turn.say(texts.get("remind.nobody"));
            return;
        }
        rows.add(List.of(actions.button(texts.get("button.remind-all"), Action.of(Act.REMIND, ALL))));
        turn.say(texts.get("remind.choose"), rows);
    }

    void remind(Turn turn, String target) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        List<String> departments = target.equals(ALL)
                ? turn.scope.owingDepartments()
                : turn.scope.commune().department(target).map(d -> List.of(d.code())).orElse(List.of());
        if (departments.isEmpty()) {
            Stale.button(turn, texts);
            choose(turn, "");
            return;
        }
        int queued = reminders.remindNow(period, departments);
        turn.say(queued == 0 ? texts.get("remind.nobody") : texts.get("remind.sent", queued));
    }
}
