package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
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

    private static final int MAX_COMMENT = 1000;

    private final AccessService access;
    private final PeriodService periods;
    private final CollectionService collection;
    private final Texts texts;
    private final Screens screens;
    private final ActionCodec actions;
    private final OfficeMenu buttons;

    OfficeReopening(AccessService access, PeriodService periods, CollectionService collection, Texts texts, Screens screens,
                    ActionCodec actions, OfficeMenu buttons) {
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.texts = texts;
        this.screens = screens;
        this.actions = actions;
        this.buttons = buttons;
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
        if (comment.isBlank() || comment.length() > MAX_COMMENT) {
            turn.say(texts.get("reopen.comment-invalid"));
            return;
        }
        ReportingPeriod period = period(turn);
        turn.state.idle();
        if (!collection.reopen(period, departmentCode, turn.member.getId(), comment)) {
            turn.say(texts.get("reopen.not-submitted"));
            return;
        }
        Department department = turn.scope.department(departmentCode);
        turn.say(texts.get("reopen.done", department.name()));
        turn.tellAll(access.departmentMembers(turn.scope.communeCode(), departmentCode),
                texts.get("reopen.member", department.name(), period.key().label(), screens.who(turn.member.getId()), comment),
                List.of(List.of(buttons.reviewButton())));
    }
}
