package vn.communereport.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.reminder.ReminderButtons;

/** The buttons that recur on many screens, and those under reminders. */
@Component
class OfficeMenu implements ReminderButtons {

    private final Texts texts;
    private final ActionCodec actions;

    OfficeMenu(Texts texts, ActionCodec actions) {
        this.texts = texts;
        this.actions = actions;
    }

    List<List<Button>> buttons() {
        return List.of(List.of(progressButton()),
                List.of(actions.button(texts.get("button.invite"), Action.of(Act.INVITE, ""))));
    }

    Button progressButton() {
        return actions.button(texts.get("button.progress"), Action.of(Act.PROGRESS));
    }

    Button reviewButton() {
        return actions.button(texts.get("button.review"), Action.of(Act.REVIEW));
    }

    Button continueButton(String labelKey) {
        return actions.button(texts.get(labelKey), Action.of(Act.CONTINUE));
    }

    /** Starts answering one report: chooses it (when it is the member's to choose) and puts its next question. */
    Button answerButton(String labelKey, String reportCode) {
        return actions.button(texts.get(labelKey), Action.of(Act.PICK_REPORT, reportCode));
    }

    @Override
    public Button continueAnswering(String reportCode) {
        return answerButton("button.continue", reportCode);
    }

    @Override
    public Button remindAllLate() {
        return actions.button(texts.get("button.remind-late"), Action.of(Act.REMIND, "all"));
    }

    @Override
    public Button progress() {
        return progressButton();
    }

    Button compileButton(long periodId) {
        return actions.button(texts.get("button.compile"), Action.of(Act.COMPILE, periodId));
    }
}
