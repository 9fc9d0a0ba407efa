package vn.communereport.conversation;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.answering.KeptReason;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/**
 * Asks for the short reason a kept warning needs: one question, with the value and its warnings, and one button to
 * re-enter the value instead. The value waits in the conversation state until a reason that can be taken arrives.
 */
@Component
class ReasonPrompt {

    private final Texts texts;
    private final Screens screens;
    private final ActionCodec actions;

    ReasonPrompt(Texts texts, Screens screens, ActionCodec actions) {
        this.texts = texts;
        this.screens = screens;
        this.actions = actions;
    }

    /** @param problemKey what was wrong with the reason just sent, or null when it is asked for the first time */
    void ask(Turn turn, Question question, AnswerValue value, List<String> warnings, String problemKey) {
        turn.state.awaitReason(value.text());
        StringBuilder text = new StringBuilder();
        if (problemKey != null) {
            text.append(texts.get(problemKey, KeptReason.MIN_LENGTH, KeptReason.MAX_LENGTH)).append("\n\n");
        }
        text.append(texts.get("reasons.ask", screens.value(question, value), String.join("\n", warnings)));
        turn.say(text.toString(), List.of(List.of(actions.button(texts.get("reasons.button.re-enter"),
                Action.of(Act.REENTER, question.id())))));
    }
}
