package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Timeliness;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The office sees every department: not started, answering (x of y), submitted (when, by whom). */
@Component
class OfficeProgress {

    private final PeriodService periods;
    private final CollectionService collection;
    private final Texts texts;
    private final Screens screens;
    private final OfficeMenu buttons;
    private final ActionCodec actions;
    private final Timeliness timeliness;
    private final OfficeApproval officeApproval;

    OfficeProgress(PeriodService periods, CollectionService collection, Texts texts, Screens screens, OfficeMenu buttons,
                   ActionCodec actions, Timeliness timeliness, OfficeApproval officeApproval) {
        this.officeApproval = officeApproval;
        this.timeliness = timeliness;
        this.periods = periods;
        this.collection = collection;
        this.texts = texts;
        this.screens = screens;
        this.buttons = buttons;
        this.actions = actions;
    }

    void show(Turn turn, String argument) {
        ReportingPeriod period = periods.currentPeriod(turn.scope);
        List<DepartmentProgress> progress = collection.progress(period, turn.scope.flows());
        StringBuilder text = new StringBuilder(texts.get("progress.header", turn.scope.report().name(), period.key().label()));
        long done = 0;
        Map<String, Timeliness.Record> onTime = timeliness.lastPeriods(turn.scope.communeCode(), turn.scope.report().code(),
                progress.stream().map(DepartmentProgress::departmentCode).toList(), Timeliness.LAST_PERIODS);
        for (DepartmentProgress p : progress) {
            String name = turn.scope.department(p.departmentCode()).name();
            String line = switch (p.state()) {
                case NOT_STARTED -> texts.get("progress.not-started", name);
                case ANSWERING -> texts.get("progress.answering", name, p.answered(), p.total());
                case SUBMITTED -> texts.get("progress.submitted", name, screens.when(p.submittedAt()), screens.who(p.submittedBy()));
                case REOPENED -> texts.get("progress.reopened", name, p.answered(), p.total());
                case AWAITING_APPROVAL -> texts.get("approval.progress", name, screens.when(p.submittedAt()), screens.who(p.submittedBy()));
            };
            if (p.state() == DepartmentProgress.State.SUBMITTED) {
                done++;
            }
            text.append('\n').append(line);
            Timeliness.Record record = onTime.get(p.departmentCode());
            if (record != null && record.due() > 0) {
                text.append(texts.get("timeliness.progress", record.onTime(), record.due()));
            }
        }
        text.append("\n\n").append(texts.get("progress.footer", done, progress.size()));
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(actions.button(texts.get("button.refresh"), Action.of(Act.PROGRESS))));
        rows.addAll(officeApproval.buttons(turn, period, progress)); // parts waiting for a head who is gone
        if (done == progress.size()) {
            rows.add(List.of(buttons.compileButton(period.getId())));
        }
        turn.say(text.toString(), rows);
    }
}
