package vn.communereport.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;

/** Where a person goes when they start, come back or press something out of date: exactly where they were. */
@Component
class FlowStart {

    private final CollectionService collection;
    private final PeriodService periods;
    private final Texts texts;
    private final Screens screens;
    private final QuestionScreen questions;
    private final ReviewScreen review;
    private final OfficeMenu officeMenu;
    private final LockedEntry lockedEntry;

    FlowStart(CollectionService collection, PeriodService periods, Texts texts, Screens screens, QuestionScreen questions,
              ReviewScreen review, OfficeMenu officeMenu, LockedEntry lockedEntry) {
        this.lockedEntry = lockedEntry;
        this.collection = collection;
        this.periods = periods;
        this.texts = texts;
        this.screens = screens;
        this.questions = questions;
        this.review = review;
        this.officeMenu = officeMenu;
    }

    ReportingPeriod period(Turn turn) {
        return periods.currentPeriod(turn.scope);
    }

    Optional<Flow> flow(Turn turn) {
        return turn.scope.flowOf(turn.member.getDepartmentCode());
    }

    /** Starts or resumes the person's flow where it was. */
    void start(Turn turn) {
        Optional<Flow> flow = flow(turn);
        if (flow.isEmpty()) {
            if (turn.isOfficeAdmin()) {
                turn.state.idle();
                turn.say(texts.get("office.welcome", turn.scope.commune().name()), officeMenu.buttons());
            } else {
                turn.say(texts.get("member.no-flow", turn.scope.office()));
            }
            return;
        }
        ReportingPeriod period = period(turn);
        if (!period.isOpen()) {
            turn.state.idle();
            turn.say(texts.get("period.closed-member", screens.about(turn.scope, period), turn.scope.office()));
            return;
        }
        Optional<Submission> submission = collection.submission(period.getId(), flow.get().departmentCode());
        if (submission.isPresent() && submission.get().isSubmitted()) {
            turn.state.reviewing(period.getId());
            turn.say(texts.get("flow.submitted", turn.scope.department(flow.get().departmentCode()).name(), screens.about(turn.scope, period),
                            screens.when(submission.get().getSubmittedAt()), screens.who(submission.get().getSubmittedBy()),
                            turn.scope.office()),
                    List.of(List.of(officeMenu.reviewButton())));
            return;
        }
        Optional<String> late = lockedEntry.refusal(period, flow.get().departmentCode());
        if (late.isPresent()) { // past the deadline and its grace, and no late entry granted
            turn.state.idle();
            turn.say(late.get());
            return;
        }
        ConversationState state = turn.state;
        // Giving up an own version of a drafted sentence (/start) goes back to its question.
        boolean atQuestion = state.mode() == Mode.ANSWERING || state.mode() == Mode.AWAIT_OWN_SENTENCE;
        if (atQuestion && state.questionId() != null && Long.valueOf(period.getId()).equals(state.periodId())
                && flow.get().indexOf(state.questionId()) >= 0) {
            questions.ask(turn, period, flow.get(), flow.get().question(state.questionId()).orElseThrow(), texts.get("flow.resume"));
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
        List<Question> missing = collection.missingRequired(flow.get(), stored);
        if (missing.isEmpty()) {
            review.show(turn, period, flow.get(), stored, null);
            return;
        }
        String greeting = stored.isEmpty()
                ? texts.get("flow.intro", turn.scope.department(flow.get().departmentCode()).name(), turn.scope.report().name(),
                        period.key().label(), flow.get().size(), flow.get().intro() == null ? "" : flow.get().intro())
                : texts.get("flow.continue", flow.get().size() - missing.size(), flow.get().size());
        questions.ask(turn, period, flow.get(), missing.get(0), greeting);
    }

    /** «Tạm dừng»: everything is stored already; an office dialog waiting for text is cancelled. */
    void pause(Turn turn) {
        if (turn.state.mode() == Mode.AWAIT_REOPEN_COMMENT || turn.state.mode() == Mode.AWAIT_DEADLINE
                || turn.state.mode() == Mode.AWAIT_LATE_END
                || turn.state.mode() == Mode.AWAIT_RETURN_COMMENT) {
            turn.state.idle();
            turn.say(texts.get("office.cancelled"));
            return;
        }
        Optional<Flow> flow = flow(turn);
        if (flow.isEmpty() || turn.state.questionId() == null) {
            turn.say(texts.get("pause.nothing"));
            return;
        }
        // The mode stays ANSWERING so /start resumes at the very same question.
        turn.say(texts.get("pause.done", flow.get().indexOf(turn.state.questionId()) + 1));
    }
}
