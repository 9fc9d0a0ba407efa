package vn.communereport.conversation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/** A member looks over the department's answers and picks one to correct. */
@Component
class Reviewing {

    private final CollectionService collection;
    private final Texts texts;
    private final ReviewScreen review;
    private final QuestionScreen questions;
    private final FlowStart start;

    Reviewing(CollectionService collection, Texts texts, ReviewScreen review, QuestionScreen questions, FlowStart start) {
        this.collection = collection;
        this.texts = texts;
        this.review = review;
        this.questions = questions;
        this.start = start;
    }

    void show(Turn turn) {
        Optional<Flow> flow = start.flow(turn);
        if (flow.isEmpty()) {
            start.start(turn);
            return;
        }
        review.show(turn, start.period(turn), flow.get(), null);
    }

    void editList(Turn turn, int page) {
        Optional<Flow> flow = start.flow(turn);
        if (flow.isEmpty()) {
            start.start(turn);
            return;
        }
        if (collection.isSubmitted(start.period(turn).getId(), flow.get().departmentCode())) {
            turn.notice = texts.get("review.locked", turn.scope.office());
            start.start(turn);
            return;
        }
        review.editList(turn, flow.get(), Math.max(0, page));
    }

    /** Asks one answer again; once answered, the person is back at the review. */
    void edit(Turn turn, String questionId) {
        Optional<Flow> flow = start.flow(turn);
        Optional<Question> question = flow.flatMap(f -> f.question(questionId));
        if (question.isEmpty()) {
            Stale.button(turn, texts);
            start.start(turn);
            return;
        }
        ReportingPeriod period = start.period(turn);
        if (collection.isSubmitted(period.getId(), flow.get().departmentCode())) {
            start.start(turn);
            return;
        }
        questions.ask(turn, period, flow.get(), question.get(), null);
        turn.state.returnToReview(true);
    }
}
