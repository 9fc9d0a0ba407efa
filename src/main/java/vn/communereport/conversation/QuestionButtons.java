package vn.communereport.conversation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.communereport.answering.AnswerInput;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Texts;

/**
 * The buttons under a question and under its dialogs. A button counts only for the question being asked,
 * in the mode it was shown in, and under a message about the period being answered (two reports may share their
 * questions: a button left under the six-monthly report's question does not answer the yearly one's); anything else is
 * out of date and the person is shown where they are.
 */
@Component
class QuestionButtons {

    private static final Set<Act> OVERWRITE_DIALOG = Set.of(Act.OVERWRITE, Act.KEEP_THEIRS);
    private static final Set<Act> WARNING_DIALOG = Set.of(Act.SAVE_WARNING, Act.REENTER);

    private final CollectionService collection;
    private final Texts texts;
    private final QuestionScreen questions;
    private final Answering answering;
    private final FlowStart start;
    private final Outbox outbox;

    QuestionButtons(CollectionService collection, Texts texts, QuestionScreen questions, Answering answering, FlowStart start,
                    Outbox outbox) {
        this.collection = collection;
        this.texts = texts;
        this.questions = questions;
        this.answering = answering;
        this.start = start;
        this.outbox = outbox;
    }

    void press(Turn turn, Action action) {
        Optional<Flow> flow = start.flow(turn);
        ReportingPeriod period = start.period(turn);
        Mode mode = turn.state.mode();
        boolean asked = mode == Mode.ANSWERING || mode == Mode.CONFIRM_OVERWRITE || mode == Mode.CONFIRM_WARNING
                || mode == Mode.AWAIT_REASON;
        if (flow.isEmpty() || !asked || !action.questionId().equals(turn.state.questionId())
                || !Long.valueOf(period.getId()).equals(turn.state.periodId()) || !fits(mode, action.act())
                || underAnotherPeriod(turn, period)) {
            Stale.button(turn, texts);
            if (mode == Mode.AWAIT_REASON) {
                turn.say(texts.get("reasons.still-waiting")); // the value still waits for its reason; nothing is stored
                return;
            }
            start.start(turn);
            return;
        }
        Question question = flow.get().question(action.questionId()).orElseThrow();
        press(turn, action, period, flow.get(), question);
    }

    /** Whether the button sits under a question message of another period (known when the channel says which message). */
    private boolean underAnotherPeriod(Turn turn, ReportingPeriod period) {
        if (turn.in.repliedTo() == null) {
            return false;
        }
        return outbox.topicOf(turn.in.channel(), turn.in.repliedTo()).flatMap(QuestionTopic::read)
                .filter(topic -> topic.periodId() != period.getId()).isPresent();
    }

    /** Whether the button belongs to the screen this mode shows; waiting for a reason, only re-entering the value does. */
    private static boolean fits(Mode mode, Act act) {
        if (mode == Mode.AWAIT_REASON) {
            return act == Act.REENTER;
        }
        return (mode == Mode.CONFIRM_OVERWRITE) == OVERWRITE_DIALOG.contains(act)
                && (mode == Mode.CONFIRM_WARNING) == WARNING_DIALOG.contains(act);
    }

    private void press(Turn turn, Action action, ReportingPeriod period, Flow flow, Question question) {
        switch (action.act()) {
            case CHOOSE, YES, NO -> choose(turn, action, period, flow, question);
            case KEEP -> {
                if (collection.answer(period.getId(), question.id()).isEmpty()) {
                    questions.ask(turn, period, flow, question, null);
                    return;
                }
                turn.state.draft(null);
                answering.next(turn, period, flow, question, texts.get("answer.kept"));
            }
            case SKIP -> {
                if (!question.optional()) {
                    turn.notice = texts.get("skip.not-allowed");
                    questions.ask(turn, period, flow, question, texts.get("skip.not-allowed"));
                    return;
                }
                answering.store(turn, period, flow, question, AnswerInput.given(AnswerValue.SKIPPED), false, false);
            }
            case BACK -> {
                int index = flow.indexOf(question.id());
                if (index == 0) {
                    turn.notice = texts.get("back.first");
                    questions.ask(turn, period, flow, question, null);
                    return;
                }
                turn.state.returnToReview(false);
                questions.ask(turn, period, flow, flow.questions().get(index - 1), null);
            }
            case PAUSE -> start.pause(turn);
            case NARRATIVE_DONE -> {
                String draft = turn.state.narrativeDraft();
                if (draft == null || draft.isBlank()) {
                    turn.notice = texts.get("narrative.empty");
                    questions.ask(turn, period, flow, question, texts.get("narrative.empty"));
                    return;
                }
                answering.store(turn, period, flow, question, AnswerInput.typed(draft), false, false);
            }
            case NARRATIVE_CLEAR -> {
                turn.state.draft(null);
                turn.notice = texts.get("narrative.cleared");
                questions.ask(turn, period, flow, question, texts.get("narrative.cleared"));
            }
            case OVERWRITE -> {
                turn.state.to(Mode.ANSWERING);
                answering.store(turn, period, flow, question, AnswerInput.given(pending(turn, question)), true, false);
            }
            case SAVE_WARNING -> {
                turn.state.to(Mode.ANSWERING);
                if (turn.state.pendingValue() == null) {
                    questions.ask(turn, period, flow, question, null);
                    return;
                }
                answering.store(turn, period, flow, question, AnswerInput.given(pending(turn, question)), false, true);
            }
            case REENTER -> {
                turn.state.to(Mode.ANSWERING);
                questions.ask(turn, period, flow, question, texts.get("rule.re-enter"));
            }
            case KEEP_THEIRS -> {
                turn.state.to(Mode.ANSWERING);
                turn.state.draft(null);
                answering.next(turn, period, flow, question, texts.get("answer.kept-theirs"));
            }
            case KEEP_PREVIOUS -> {
                Optional<Answer> previous = questions.previousAnswer(period, question);
                if (previous.isEmpty() || turn.state.mode() != Mode.ANSWERING) {
                    questions.ask(turn, period, flow, question, null);
                    return;
                }
                answering.store(turn, period, flow, question, AnswerInput.given(previous.get().value()), false, false);
            }
            default -> start.start(turn);
        }
    }

    /** A tap on one of the type's choices; the old yes/no buttons still in chats mean the same. */
    private void choose(Turn turn, Action action, ReportingPeriod period, Flow flow, Question question) {
        String input = action.act() == Act.YES ? "1" : action.act() == Act.NO ? "0" : action.choice();
        boolean offered = question.type().choices().stream().anyMatch(c -> c.input().equals(input));
        if (!offered) {
            Stale.button(turn, texts);
            questions.ask(turn, period, flow, question, null);
            return;
        }
        answering.store(turn, period, flow, question, AnswerInput.typed(input), false, false);
    }

    /** The value waiting in a dialog, as it was read before the dialog was shown. */
    private static AnswerValue pending(Turn turn, Question question) {
        String pending = turn.state.pendingValue();
        if (pending == null) {
            return AnswerValue.SKIPPED;
        }
        return question.type().numeric() ? AnswerValue.ofNumber(new BigDecimal(pending)) : AnswerValue.ofText(pending);
    }
}
