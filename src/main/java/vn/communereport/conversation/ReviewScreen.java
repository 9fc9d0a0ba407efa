package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The department's answers on one screen (split over messages when long), and the list to pick one to correct. */
@Component
class ReviewScreen {

    private static final int EDIT_PAGE = 40;

    private final CollectionService collection;
    private final Texts texts;
    private final Screens screens;
    private final ActionCodec actions;
    private final ChannelLimits limits;

    ReviewScreen(CollectionService collection, Texts texts, Screens screens, ActionCodec actions, ChannelLimits limits) {
        this.collection = collection;
        this.texts = texts;
        this.screens = screens;
        this.actions = actions;
        this.limits = limits;
    }

    void show(Turn turn, ReportingPeriod period, Flow flow, String before) {
        show(turn, period, flow, collection.departmentAnswers(period.getId(), flow.departmentCode()), before);
    }

    void show(Turn turn, ReportingPeriod period, Flow flow, Map<String, Answer> stored, String before) {
        turn.state.reviewing(period.getId());
        boolean submitted = collection.isSubmitted(period.getId(), flow.departmentCode());
        List<Question> missing = collection.missingRequired(flow, stored);
        StringBuilder text = new StringBuilder();
        if (before != null) {
            text.append(before).append("\n\n");
        }
        text.append(texts.get("review.header", turn.scope.department(flow.departmentCode()).name(), screens.about(turn.scope, period),
                flow.size() - missing.size(), flow.size())).append('\n');
        text.append(lines(turn.scope.report(), period.getId(), flow, stored));
        List<List<Button>> buttons = new ArrayList<>();
        if (submitted) {
            text.append("\n\n").append(texts.get("review.locked", turn.scope.office()));
        } else if (missing.isEmpty()) {
            text.append("\n\n").append(texts.get("review.ready"));
            buttons.add(List.of(actions.button(texts.get("button.submit"), Action.of(Act.SUBMIT))));
            buttons.add(List.of(actions.button(texts.get("button.edit"), Action.of(Act.EDIT_LIST, 0))));
        } else {
            text.append("\n\n").append(texts.get("review.incomplete", missing.size()));
            buttons.add(List.of(actions.button(texts.get("button.continue"), Action.of(Act.CONTINUE))));
            buttons.add(List.of(actions.button(texts.get("button.edit"), Action.of(Act.EDIT_LIST, 0))));
        }
        List<String> parts = Screens.split(text.toString(), limits.messageLength());
        for (int i = 0; i < parts.size(); i++) {
            turn.say(parts.get(i), i == parts.size() - 1 ? buttons : List.of());
        }
    }

    /** One line per question, in the flow's order, with its answer: the part as the review (and its head) reads it. */
    String lines(ReportDefinition report, long periodId, Flow flow, Map<String, Answer> stored) {
        StringBuilder text = new StringBuilder();
        int position = 1;
        // the reasons given for values kept despite a warning, for the department head who approves this summary too
        Map<String, CollectionService.Change> reasons =
                collection.keptReasons(periodId, flow.questions().stream().map(Question::id).toList());
        for (Question question : flow.questions()) {
            Answer answer = stored.get(question.id());
            String value = answer == null ? texts.get("review.missing") : screens.value(question, answer.value());
            text.append('\n').append(texts.get("review.line", position++, screens.place(report, question),
                    Screens.shorten(question.prompt(), 90), value));
            if (answer != null && reasons.containsKey(question.id())) {
                text.append('\n').append(texts.get("reasons.review.line", Screens.shorten(reasons.get(question.id()).reason(), 200)));
            }
        }
        return text.toString();
    }

    /** Numbered buttons, a page at a time, to pick the answer to correct. */
    void editList(Turn turn, Flow flow, int page) {
        List<Question> questions = flow.questions();
        int from = Math.min(page * EDIT_PAGE, Math.max(0, questions.size() - 1));
        int to = Math.min(questions.size(), from + EDIT_PAGE);
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int i = from; i < to; i++) {
            row.add(actions.button(String.valueOf(i + 1), Action.of(Act.EDIT, questions.get(i).id())));
            if (row.size() == limits.buttonsPerRow()) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        List<Button> paging = new ArrayList<>();
        if (from > 0) {
            paging.add(actions.button(texts.get("button.previous-page"), Action.of(Act.EDIT_LIST, page - 1)));
        }
        if (to < questions.size()) {
            paging.add(actions.button(texts.get("button.next-page"), Action.of(Act.EDIT_LIST, page + 1)));
        }
        paging.add(actions.button(texts.get("button.review"), Action.of(Act.REVIEW)));
        rows.add(paging);
        turn.say(texts.get("edit.choose"), rows);
    }
}
