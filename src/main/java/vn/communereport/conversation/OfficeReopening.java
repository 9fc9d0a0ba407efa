package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The office sends a submitted part back with a comment; the department's members are told. */
@Component
class OfficeReopening {

    private final OfficeDesk desk;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Texts texts;
    private final ActionCodec actions;

    OfficeReopening(OfficeDesk desk, PeriodService periods, CollectionService collection, Texts texts, ActionCodec actions) {
        this.desk = desk;
        this.periods = periods;
        this.collection = collection;
        this.texts = texts;
        this.actions = actions;
    }

    private ReportingPeriod period(Turn turn) {
        return periods.currentPeriod(turn.scope);
    }

    void choose(Turn turn, String argument) {
        Optional<Department> named = Departments.find(turn.scope, argument);
        if (named.isPresent()) {
            askComment(turn, named.get().code());
            return;
        }
        ReportingPeriod period = period(turn);
        List<List<Button>> rows = new ArrayList<>();
        for (Flow flow : turn.scope.flows()) {
            if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
                rows.add(List.of(actions.button(turn.scope.department(flow.departmentCode()).name(),
                        Action.of(Act.REOPEN, flow.departmentCode()))));
            }
        }
        turn.say(rows.isEmpty() ? texts.get("reopen.none") : texts.get("reopen.choose"), rows);
    }

    void askComment(Turn turn, String departmentCode) {
        Optional<Department> department = turn.scope.commune().department(departmentCode);
        if (department.isEmpty() || !collection.isSubmitted(period(turn).getId(), departmentCode)) {
            Stale.button(turn, texts);
            turn.say(texts.get("reopen.not-submitted"));
            return;
        }
        turn.state.awaitReopenComment(departmentCode);
        turn.say(texts.get("reopen.ask-comment", department.get().name()));
    }

    /** The comment the office was asked for. */
    void withComment(Turn turn, String comment) {
        String departmentCode = turn.state.context();
        if (!turn.isOfficeAdmin() || departmentCode == null) {
            turn.state.idle();
            turn.say(texts.get("office.only"));
            return;
        }
        if (comment.isBlank() || comment.length() > OfficeDesk.MAX_COMMENT) {
            turn.say(texts.get("reopen.comment-invalid"));
            return;
        }
        turn.state.idle();
        OfficeDesk.Result<OfficeDesk.Reopen> reopened = desk.reopen(turn.scope, turn.member, departmentCode, comment);
        if (reopened.outcome() != OfficeDesk.Reopen.REOPENED) {
            turn.say(texts.get("reopen.not-submitted"));
            return;
        }
        turn.say(texts.get("reopen.done", turn.scope.department(departmentCode).name()));
        turn.out.addAll(reopened.notices());
    }
}
