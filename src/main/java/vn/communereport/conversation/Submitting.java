package vn.communereport.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/** A member hands in the department's part in the chat, after a confirmation; {@link PartSubmission} does the handing in. */
@Component
class Submitting {

    private final CollectionService collection;
    private final Texts texts;
    private final ReviewScreen review;
    private final OfficeMenu buttons;
    private final ActionCodec actions;
    private final FlowStart start;
    private final PartSubmission submission;

    Submitting(CollectionService collection, Texts texts, ReviewScreen review, OfficeMenu buttons, ActionCodec actions,
               FlowStart start, PartSubmission submission) {
        this.collection = collection;
        this.texts = texts;
        this.review = review;
        this.buttons = buttons;
        this.actions = actions;
        this.start = start;
        this.submission = submission;
    }

    void ask(Turn turn) {
        Optional<Flow> flow = start.flow(turn);
        if (flow.isEmpty()) {
            start.start(turn);
            return;
        }
        ask(turn, flow.get(), start.period(turn));
    }

    private void ask(Turn turn, Flow flow, ReportingPeriod period) {
        if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
            start.start(turn);
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        List<Question> missing = collection.missingRequired(flow, stored);
        if (!missing.isEmpty()) {
            review.show(turn, period, flow, stored, texts.get("submit.incomplete", missing.size()));
            return;
        }
        turn.state.to(Mode.CONFIRM_SUBMIT);
        turn.say(texts.get("submit.confirm", turn.scope.department(flow.departmentCode()).name(), texts.get("communes.report-period", turn.scope.report().name(), period.key().label())),
                List.of(List.of(actions.button(texts.get("button.confirm-submit"), Action.of(Act.CONFIRM_SUBMIT, period.getId()))),
                        List.of(buttons.reviewButton())));
    }

    void confirm(Turn turn, long periodId) {
        Optional<Flow> flow = start.flow(turn);
        ReportingPeriod period = start.period(turn);
        if (flow.isEmpty() || turn.state.mode() != Mode.CONFIRM_SUBMIT || period.getId() != periodId) {
            Stale.button(turn, texts);
            start.start(turn);
            return;
        }
        PartSubmission.Result result = submission.submit(turn.member, turn.scope, period, flow.get());
        if (result.kind() == PartSubmission.Kind.INCOMPLETE) {
            ask(turn, flow.get(), period);
            return;
        }
        turn.state.idle();
        if (result.kind() != PartSubmission.Kind.SUBMITTED) {
            start.start(turn);
            return;
        }
        Department department = turn.scope.department(flow.get().departmentCode());
        turn.say(texts.get("submit.done", department.name(), texts.get("communes.report-period", turn.scope.report().name(), period.key().label())));
        turn.out.addAll(result.notices());
    }
}
