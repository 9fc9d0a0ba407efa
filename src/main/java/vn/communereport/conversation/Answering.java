package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.type.NarrativeType;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Texts;

/**
 * A person answers the question in front of them, or, by replying to an earlier question's message, that
 * question. The answer goes through the {@link AnswerPipeline}; this class only says what came of it and
 * moves on.
 */
@Component
class Answering {

    private final AnswerPipeline pipeline;
    private final CollectionService collection;
    private final Outbox outbox;
    private final Texts texts;
    private final Screens screens;
    private final QuestionScreen questions;
    private final ReviewScreen review;
    private final ActionCodec actions;
    private final FlowStart start;
    private final ReasonPrompt reasons;

    Answering(AnswerPipeline pipeline, CollectionService collection, Outbox outbox, Texts texts, Screens screens,
              QuestionScreen questions, ReviewScreen review, ActionCodec actions, FlowStart start, ReasonPrompt reasons) {
        this.reasons = reasons;
        this.pipeline = pipeline;
        this.collection = collection;
        this.outbox = outbox;
        this.texts = texts;
        this.screens = screens;
        this.questions = questions;
        this.review = review;
        this.actions = actions;
        this.start = start;
    }

    /** A text while a question is open. */
    void text(Turn turn, String text) {
        Optional<Flow> flow = start.flow(turn);
        ReportingPeriod period = start.period(turn);
        if (flow.isEmpty() || !Long.valueOf(period.getId()).equals(turn.state.periodId())) {
            start.start(turn);
            return;
        }
        Optional<Question> current = flow.get().question(turn.state.questionId());
        if (current.isEmpty()) {
            start.start(turn);
            return;
        }
        Optional<QuestionTopic> replied = repliedQuestion(turn, period);
        if (replied.isPresent() && !replied.get().questionId().equals(current.get().id())) {
            Optional<Question> earlier = flow.get().question(replied.get().questionId());
            if (earlier.isPresent()) {
                answerEarlier(turn, period, flow.get(), earlier.get(), current.get(), replied.get(), text);
                return;
            }
        }
        Question question = current.get();
        if (text.isEmpty()) {
            questions.reask(turn, period, flow.get(), question, texts.get("input.empty"));
            return;
        }
        if (question.type().gathered()) {
            gather(turn, question, text);
            return;
        }
        store(turn, period, flow.get(), question, AnswerInput.typed(text), false, false);
    }

    /** The question of the bot message this text replies to, if it was one of this period's. */
    private Optional<QuestionTopic> repliedQuestion(Turn turn, ReportingPeriod period) {
        if (turn.in.repliedTo() == null) {
            return Optional.empty();
        }
        return outbox.topicOf(turn.in.channel(), turn.in.repliedTo()).flatMap(QuestionTopic::read)
                .filter(topic -> topic.periodId() == period.getId());
    }

    /**
     * A reply to an earlier question answers that one, checked against the answer that message showed; the
     * person is then put back at the question they were on. A dialog (a warning, a colleague's change) or a
     * narrative in parts moves them to the earlier question instead, since it needs their next taps there.
     */
    private void answerEarlier(Turn turn, ReportingPeriod period, Flow flow, Question earlier, Question current,
                               QuestionTopic topic, String text) {
        boolean returnToReview = turn.state.returnToReview();
        turn.state.asking(period.getId(), earlier.id(), topic.shownVersion());
        if (earlier.type().gathered() || text.isEmpty()) {
            questions.ask(turn, period, flow, earlier, texts.get("reply.moved-to", flow.indexOf(earlier.id()) + 1));
            if (!text.isEmpty()) {
                gather(turn, earlier, text);
            }
            return;
        }
        AnswerOutcome outcome = pipeline.answer(AnswerRequest.of(turn.member, period, earlier, AnswerInput.typed(text), topic.shownVersion()));
        if (outcome instanceof AnswerOutcome.Stored stored) {
            String saved = texts.get("reply.saved", flow.indexOf(earlier.id()) + 1, screens.value(earlier, stored.value()));
            turn.state.returnToReview(returnToReview);
            questions.ask(turn, period, flow, current, saved);
            return;
        }
        show(turn, period, flow, earlier, outcome);
    }

    /** Gathers a narrative from several messages; stored with the state as each one arrives. */
    private void gather(Turn turn, Question question, String text) {
        String draft = turn.state.narrativeDraft();
        String joined = draft == null || draft.isEmpty() ? text : NarrativeDrafts.join(draft, text);
        if (joined.length() > NarrativeType.MAX_LENGTH) {
            turn.say(texts.get("narrative.too-long", NarrativeType.MAX_LENGTH), questions.narrativeButtons(question));
            return;
        }
        turn.state.draft(joined);
        turn.say(texts.get("narrative.received", joined.length()), questions.narrativeButtons(question));
    }

    /** Stores through the pipeline and says what came of it. */
    void store(Turn turn, ReportingPeriod period, Flow flow, Question question, AnswerInput input, boolean overwrite,
               boolean warningsAccepted) {
        store(turn, period, flow, question, input, overwrite, warningsAccepted, null);
    }

    /** The same, with the reason the person gave for keeping the value despite its warnings (null: none yet). */
    void store(Turn turn, ReportingPeriod period, Flow flow, Question question, AnswerInput input, boolean overwrite,
               boolean warningsAccepted, String reason) {
        AnswerRequest request = AnswerRequest.of(turn.member, period, question, input, turn.state.shownVersion());
        if (overwrite) {
            request = request.withOverwrite();
        }
        if (warningsAccepted) {
            request = request.withWarningsAccepted(reason);
        }
        show(turn, period, flow, question, pipeline.answer(request));
    }

    private void show(Turn turn, ReportingPeriod period, Flow flow, Question question, AnswerOutcome outcome) {
        if (outcome instanceof AnswerOutcome.Stored stored) {
            turn.state.draft(null);
            next(turn, period, flow, question, texts.get("answer.saved", screens.value(question, stored.value())));
        } else if (outcome instanceof AnswerOutcome.Refused refused) {
            if ("rule.error".equals(refused.reasonKey())) {
                turn.state.draft(null);
            }
            questions.reask(turn, period, flow, question, texts.get(refused.reasonKey(), refused.args()));
        } else if (outcome instanceof AnswerOutcome.NeedsConfirmation warning) {
            String found = String.join("\n", warning.descriptions());
            turn.state.confirmWarning(warning.value().text());
            turn.say(texts.get("rule.warning", screens.value(question, warning.value()), found),
                    List.of(List.of(actions.button(texts.get("button.save-anyway"), Action.of(Act.SAVE_WARNING, question.id()))),
                            List.of(actions.button(texts.get("button.re-enter"), Action.of(Act.REENTER, question.id())))));
        } else if (outcome instanceof AnswerOutcome.NeedsReason needs) {
            reasons.ask(turn, question, needs.value(), needs.warnings(), needs.problemKey());
        } else if (outcome instanceof AnswerOutcome.ChangedMeanwhile changed) {
            Answer current = changed.current();
            turn.state.confirmOverwrite(changed.value().skipped() ? null : changed.value().text());
            turn.say(texts.get("overwrite.ask", screens.who(current.getUpdatedBy()), screens.when(current.getUpdatedAt()),
                            screens.value(question, current.value()), screens.value(question, changed.value())),
                    List.of(List.of(actions.button(texts.get("button.overwrite"), Action.of(Act.OVERWRITE, question.id()))),
                            List.of(actions.button(texts.get("button.keep-theirs"), Action.of(Act.KEEP_THEIRS, question.id())))));
        } else if (outcome instanceof AnswerOutcome.Locked locked) {
            turn.state.idle();
            turn.say(locked.lateRefusal() != null ? locked.lateRefusal() : locked.periodOpen()
                    ? texts.get("flow.locked", turn.scope.office())
                    : texts.get("period.closed-member", screens.about(turn.scope, period), turn.scope.office()));
        } else {
            start.start(turn); // not allowed: the person is shown where they really are
        }
    }

    /** The next question, or the review when the flow is done or the person came from the review. */
    void next(Turn turn, ReportingPeriod period, Flow flow, Question after, String before) {
        int index = flow.indexOf(after.id());
        if (turn.state.returnToReview() || index + 1 >= flow.size()) {
            review.show(turn, period, flow, collection.departmentAnswers(period.getId(), flow.departmentCode()), before);
            return;
        }
        questions.ask(turn, period, flow, flow.questions().get(index + 1), before);
    }
}
