package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Choice;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** Puts one question: its place in the flow and the report, its unit and help, what is stored, its buttons. */
@Component
class QuestionScreen {

    private final CollectionService collection;
    private final PeriodService periods;
    private final Texts texts;
    private final Screens screens;
    private final ActionCodec actions;
    private final SentenceOffer sentences;

    QuestionScreen(CollectionService collection, PeriodService periods, Texts texts, Screens screens, ActionCodec actions,
                   SentenceOffer sentences) {
        this.collection = collection;
        this.periods = periods;
        this.texts = texts;
        this.screens = screens;
        this.actions = actions;
        this.sentences = sentences;
    }

    /** Asks the question, with {@code before} (what just happened) above it, and remembers it as the one asked. */
    void ask(Turn turn, ReportingPeriod period, Flow flow, Question question, String before) {
        Optional<Answer> current = collection.answer(period.getId(), question.id());
        Long shownVersion = current.map(Answer::getVersion).orElse(null);
        turn.state.asking(period.getId(), question.id(), shownVersion);
        int position = flow.indexOf(question.id()) + 1;
        StringBuilder text = new StringBuilder();
        if (before != null && !before.isBlank()) {
            text.append(before.strip()).append("\n\n");
        }
        text.append(texts.get("communes.question.about", screens.about(turn.scope, period))).append('\n');
        text.append(texts.get("question.header", position, flow.size(), screens.place(turn.scope.report(), question))).append('\n');
        text.append(question.prompt());
        if (question.unit() != null && question.type().showsUnit()) {
            text.append('\n').append(texts.get("question.unit", question.unit()));
        }
        if (question.help() != null) {
            text.append('\n').append(texts.get("question.help", question.help()));
        }
        current.ifPresent(answer -> text.append('\n').append(screens.stored(question, answer)));
        String draft = turn.state.narrativeDraft();
        boolean hasDraft = question.type().gathered() && draft != null && !draft.isEmpty();
        if (hasDraft) {
            text.append('\n').append(texts.get("narrative.draft-kept", draft.length()));
        }
        List<List<Button>> offered = sentences.addTo(turn.scope.report(), period, question, text);
        text.append("\n\n").append(texts.get(question.type().hintKey()));
        List<List<Button>> buttons = new ArrayList<>(offered);
        buttons.addAll(buttons(question, position == 1, current.isPresent(), hasDraft));
        if (question.keepPrevious() && current.isEmpty()) {
            previousAnswer(period, question).ifPresent(previous -> buttons.add(0, List.of(actions.button(
                    texts.get("button.keep-previous", Screens.shorten(screens.value(question, previous.value()), 40)),
                    Action.of(Act.KEEP_PREVIOUS, question.id())))));
        }
        turn.ask(text.toString(), buttons, QuestionTopic.of(period.getId(), question.id(), shownVersion));
    }

    /** Asks again after a problem with what was sent. */
    void reask(Turn turn, ReportingPeriod period, Flow flow, Question question, String problem) {
        ask(turn, period, flow, question, texts.get("input.problem", problem));
    }

    /** Last period's answer, offered with one tap where the definition allows it. */
    Optional<Answer> previousAnswer(ReportingPeriod period, Question question) {
        return periods.previous(period).flatMap(previous -> collection.answer(previous.getId(), question.id()))
                .filter(a -> !a.value().skipped());
    }

    /** «Xong» and «Xoá» under a narrative that is being gathered. */
    List<List<Button>> narrativeButtons(Question question) {
        return List.of(List.of(actions.button(texts.get("button.done"), Action.of(Act.NARRATIVE_DONE, question.id())),
                actions.button(texts.get("button.clear"), Action.of(Act.NARRATIVE_CLEAR, question.id()))));
    }

    private List<List<Button>> buttons(Question question, boolean isFirst, boolean hasAnswer, boolean hasDraft) {
        String id = question.id();
        List<List<Button>> rows = new ArrayList<>();
        List<Button> choices = new ArrayList<>();
        for (Choice choice : question.type().choices()) {
            choices.add(actions.button(texts.get(choice.labelKey()), Action.of(Act.CHOOSE, id + ":" + choice.input())));
        }
        if (!choices.isEmpty()) {
            rows.add(choices);
        }
        if (hasDraft) {
            rows.addAll(narrativeButtons(question));
        }
        if (hasAnswer) {
            rows.add(List.of(actions.button(texts.get("button.keep"), Action.of(Act.KEEP, id))));
        }
        List<Button> navigation = new ArrayList<>();
        if (!isFirst) {
            navigation.add(actions.button(texts.get("button.back"), Action.of(Act.BACK, id)));
        }
        if (question.optional()) {
            navigation.add(actions.button(texts.get("button.skip"), Action.of(Act.SKIP, id)));
        }
        navigation.add(actions.button(texts.get("button.pause"), Action.of(Act.PAUSE, id)));
        rows.add(navigation);
        return rows;
    }
}
