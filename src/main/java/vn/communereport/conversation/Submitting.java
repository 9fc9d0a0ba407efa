package vn.communereport.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/** A member hands in the department's part, after a confirmation; colleagues and the office are told. */
@Component
class Submitting {

    private final CollectionService collection;
    private final AccessService access;
    private final Texts texts;
    private final Screens screens;
    private final ReviewScreen review;
    private final OfficeMenu buttons;
    private final ActionCodec actions;
    private final FlowStart start;

    Submitting(CollectionService collection, AccessService access, Texts texts, Screens screens, ReviewScreen review,
               OfficeMenu buttons, ActionCodec actions, FlowStart start) {
        this.collection = collection;
        this.access = access;
        this.texts = texts;
        this.screens = screens;
        this.review = review;
        this.buttons = buttons;
        this.actions = actions;
        this.start = start;
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
        turn.say(texts.get("submit.confirm", turn.scope.department(flow.departmentCode()).name(), period.key().label()),
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
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
        if (!collection.missingRequired(flow.get(), stored).isEmpty()) {
            ask(turn, flow.get(), period);
            return;
        }
        List<String> owing = turn.scope.owingDepartments();
        CollectionService.SubmitResult result = collection.submit(period, flow.get().departmentCode(), turn.member.getId(), owing);
        turn.state.idle();
        if (!result.submitted()) {
            start.start(turn);
            return;
        }
        Department department = turn.scope.department(flow.get().departmentCode());
        turn.say(texts.get("submit.done", department.name(), period.key().label()));
        String who = screens.who(turn.member.getId());
        turn.tellOthers(access.departmentMembers(turn.scope.communeCode(), department.code()),
                texts.get("submit.colleague", who, department.name(), period.key().label()), List.of());
        // The office is told how many parts are in: counted from the submissions, not from every answer of the period.
        long done = collection.submittedCount(period.getId(), owing);
        List<Member> admins = access.officeAdmins(turn.scope.communeCode());
        if (result.allInNow()) {
            turn.tellAll(admins, texts.get("office.all-in", turn.scope.report().name(), period.key().label(), done),
                    List.of(List.of(buttons.compileButton(period.getId())), List.of(buttons.progressButton())));
        } else {
            turn.tellOthers(admins, texts.get("office.part-in", department.name(), who, done, owing.size()),
                    List.of(List.of(buttons.progressButton())));
        }
    }
}
