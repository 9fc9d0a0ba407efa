package vn.communereport.conversation;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.reminder.ProposalButtons;

/** The «Mở kỳ» button under a proposal: the period's key, then the report's code ("2026-H1-cchc"). */
@Component
class WindowButtons implements ProposalButtons {

    private final ActionCodec actions;
    private final Texts texts;

    WindowButtons(ActionCodec actions, Texts texts) {
        this.actions = actions;
        this.texts = texts;
    }

    @Override
    public Button openProposed(String reportCode, PeriodKey key) {
        return actions.button(texts.get("windows.button.open", key.label()), Action.of(Act.OPEN_PROPOSED, key.key() + "-" + reportCode));
    }

    /** The period key and report code of a button's argument; empty when it is not one (a forged button). */
    static java.util.Optional<String[]> read(String argument) {
        int second = argument.indexOf('-', 5);
        if (argument.length() < 8 || argument.charAt(4) != '-' || second < 0 || second == argument.length() - 1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String[] {argument.substring(0, second), argument.substring(second + 1)});
    }
}
