package vn.communereport.conversation;

import java.math.BigDecimal;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.AnswerInput;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/**
 * The text a member sends while the bot waits for the reason of a kept warning: the reason, stored with the value
 * through the answer pipeline (which refuses one too short), or, when it reads as a value of the question, the value
 * re-entered instead.
 */
@Component
class ReasonReply {

    private final Answering answering;
    private final FlowStart start;
    private final Texts texts;

    ReasonReply(Answering answering, FlowStart start, Texts texts) {
        this.answering = answering;
        this.start = start;
        this.texts = texts;
    }

    void text(Turn turn, String text) {
        Optional<Flow> flow = start.flow(turn);
        ReportingPeriod period = start.period(turn);
        Optional<Question> question = flow.flatMap(f -> f.question(turn.state.questionId()));
        String pending = turn.state.pendingValue();
        if (question.isEmpty() || pending == null || !Long.valueOf(period.getId()).equals(turn.state.periodId())) {
            start.start(turn); // nothing waits for a reason any more: the person is shown where they are
            return;
        }
        turn.state.to(ConversationState.Mode.ANSWERING);
        if (!text.isEmpty() && question.get().type().read(text, question.get().unit(), texts).ok()) {
            answering.text(turn, text); // a new value of the question, not a reason
            return;
        }
        AnswerValue value = question.get().type().numeric() ? AnswerValue.ofNumber(new BigDecimal(pending)) : AnswerValue.ofText(pending);
        answering.store(turn, period, flow.get(), question.get(), AnswerInput.given(value), false, true, text);
    }
}
