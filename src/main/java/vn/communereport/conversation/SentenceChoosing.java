package vn.communereport.conversation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.SentenceDrafting;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;
import vn.communereport.report.DraftedSentence;

/**
 * The buttons under a drafted first sentence («Dùng câu này», «Sửa câu», «Bỏ câu này») and the member's own version
 * typed after «Sửa câu». A button counts only for the narrative question being asked; the choice itself is
 * {@link SentenceDrafting}'s, which checks the member, the lock and that the figures did not change since.
 */
@Component
class SentenceChoosing {

    private final SentenceDrafting drafting;
    private final FlowStart start;
    private final QuestionScreen questions;
    private final Texts texts;
    private final Screens screens;

    SentenceChoosing(SentenceDrafting drafting, FlowStart start, QuestionScreen questions, Texts texts, Screens screens) {
        this.drafting = drafting;
        this.start = start;
        this.questions = questions;
        this.texts = texts;
        this.screens = screens;
    }

    private record Target(ReportingPeriod period, Flow flow, Question question) {
    }

    void accept(Turn turn, Action action) {
        Target target = target(turn, action.questionId(), Mode.ANSWERING);
        if (target != null) {
            show(turn, target, drafting.accept(turn.member, target.period(), target.question(), action.choice()));
        }
    }

    void drop(Turn turn, Action action) {
        Target target = target(turn, action.questionId(), Mode.ANSWERING);
        if (target != null) {
            show(turn, target, drafting.drop(turn.member, target.period(), target.question()));
        }
    }

    /** «Sửa câu»: the next message is the member's own version of the sentence. */
    void edit(Turn turn, Action action) {
        Target target = target(turn, action.questionId(), Mode.ANSWERING);
        if (target == null) {
            return;
        }
        Optional<DraftedSentence> drafted = drafting.offer(target.period(), target.question());
        if (drafted.isEmpty() || !turn.member.answersFor(target.question().departmentCode())) {
            refuse(turn);
            return;
        }
        if (!drafted.get().complete()) {
            questions.ask(turn, target.period(), target.flow(), target.question(), texts.get("drafting.missing-now"));
            return;
        }
        turn.state.to(Mode.AWAIT_OWN_SENTENCE);
        turn.say(texts.get("drafting.edit.ask", drafted.get().text(), SentenceDrafting.MAX_LENGTH));
    }

    /** The text sent after «Sửa câu». */
    void ownVersion(Turn turn, String text) {
        Target target = target(turn, turn.state.questionId(), Mode.AWAIT_OWN_SENTENCE);
        if (target != null) {
            show(turn, target, drafting.edit(turn.member, target.period(), target.question(), text));
        }
    }

    /** The question the button is about, if it is the one being asked in {@code mode}; otherwise the button is stale. */
    private Target target(Turn turn, String questionId, Mode mode) {
        Optional<Flow> flow = start.flow(turn);
        ReportingPeriod period = start.period(turn);
        if (flow.isEmpty() || turn.state.mode() != mode || questionId == null || !questionId.equals(turn.state.questionId())
                || !Long.valueOf(period.getId()).equals(turn.state.periodId()) || flow.get().question(questionId).isEmpty()) {
            refuse(turn);
            return null;
        }
        return new Target(period, flow.get(), flow.get().question(questionId).get());
    }

    private void refuse(Turn turn) {
        Stale.button(turn, texts);
        start.start(turn);
    }

    private void show(Turn turn, Target target, SentenceDrafting.Outcome outcome) {
        if (outcome instanceof SentenceDrafting.Stored stored) {
            String said = texts.get("drafting.stored." + stored.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (stored.kind() == SentenceChoice.Kind.EDITED && !stored.quotedDifferently().isEmpty()) {
                said += "\n" + texts.get("drafting.stored.quoted-differently", String.join(", ", stored.quotedDifferently()),
                        stored.drafted().text());
            }
            turn.notice = texts.get("drafting.notice.stored");
            questions.ask(turn, target.period(), target.flow(), target.question(), said);
        } else if (outcome instanceof SentenceDrafting.FiguresChanged) {
            turn.notice = texts.get("drafting.figures-changed");
            questions.ask(turn, target.period(), target.flow(), target.question(), texts.get("drafting.figures-changed"));
        } else if (outcome instanceof SentenceDrafting.FiguresMissing) {
            questions.ask(turn, target.period(), target.flow(), target.question(), texts.get("drafting.missing-now"));
        } else if (outcome instanceof SentenceDrafting.Refused refused) {
            turn.say(texts.get(refused.reasonKey(), refused.args()));
        } else if (outcome instanceof SentenceDrafting.Locked locked) {
            turn.state.idle();
            turn.say(locked.periodOpen()
                    ? texts.get("flow.locked", turn.scope.office())
                    : texts.get("period.closed-member", screens.about(turn.scope, target.period()), turn.scope.office()));
        } else {
            refuse(turn);
        }
    }
}
