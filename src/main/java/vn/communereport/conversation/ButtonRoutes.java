package vn.communereport.conversation;

import static vn.communereport.conversation.Audience.EVERYONE;
import static vn.communereport.conversation.Audience.MEMBERS;
import static vn.communereport.conversation.Audience.OFFICE;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Texts;

/** What each button does and who may press it. Button data is read by the codec and never trusted further. */
@Component
class ButtonRoutes {

    record Route(Audience audience, BiConsumer<Turn, Action> action) {
    }

    private static final EnumSet<Act> QUESTION_ACTS = EnumSet.of(Act.CHOOSE, Act.YES, Act.NO, Act.KEEP, Act.SKIP, Act.BACK,
            Act.PAUSE, Act.NARRATIVE_DONE, Act.NARRATIVE_CLEAR, Act.OVERWRITE, Act.KEEP_THEIRS, Act.SAVE_WARNING, Act.REENTER,
            Act.KEEP_PREVIOUS);

    private final Map<Act, Route> routes = new EnumMap<>(Act.class);
    private final ActionCodec codec;
    private final FlowStart start;
    private final Texts texts;

    ButtonRoutes(ActionCodec codec, FlowStart start, QuestionButtons questions, Reviewing reviewing, Submitting submitting,
                 OfficeProgress progress, OfficeMembers members, OfficeReopening reopening, OfficePeriods periods,
                 OfficeReminding reminding, OfficeReports reports, SheetExchange sheets, ScopeChoice choice, Texts texts,
                 SentenceChoosing sentences, OfficeWindows windows, OfficeLateEntry lateEntry,
                 HeadApproval approval, OfficeHeads heads, OfficeApproval officeApproval) {
        this.codec = codec;
        this.start = start;
        this.texts = texts;
        QUESTION_ACTS.forEach(act -> routes.put(act, new Route(MEMBERS, questions::press)));
        routes.put(Act.CONTINUE, new Route(EVERYONE, (turn, action) -> start.start(turn)));
        routes.put(Act.REVIEW, new Route(MEMBERS, (turn, action) -> reviewing.show(turn)));
        routes.put(Act.EDIT, new Route(MEMBERS, (turn, action) -> reviewing.edit(turn, action.questionId())));
        routes.put(Act.EDIT_LIST, new Route(MEMBERS, (turn, action) -> reviewing.editList(turn, (int) Math.min(action.number(), 1000))));
        routes.put(Act.SUBMIT, new Route(MEMBERS, (turn, action) -> submitting.ask(turn)));
        routes.put(Act.CONFIRM_SUBMIT, new Route(MEMBERS, (turn, action) -> submitting.confirm(turn, action.number())));
        routes.put(Act.CONFIRM_SHEET, new Route(MEMBERS, (turn, action) -> sheets.confirm(turn, action.argument())));
        routes.put(Act.PROGRESS, new Route(OFFICE, (turn, action) -> progress.show(turn, "")));
        routes.put(Act.INVITE, new Route(OFFICE, (turn, action) -> members.invite(turn, action.argument())));
        routes.put(Act.REOPEN, new Route(OFFICE, (turn, action) -> reopening.askComment(turn, action.argument())));
        routes.put(Act.OPEN_PERIOD, new Route(OFFICE, (turn, action) -> periods.askDeadline(turn, action.argument())));
        routes.put(Act.CLOSE_PERIOD, new Route(OFFICE, (turn, action) -> periods.close(turn, action.number())));
        routes.put(Act.REMIND, new Route(OFFICE, (turn, action) -> reminding.remind(turn, action.argument())));
        routes.put(Act.REVOKE, new Route(OFFICE, (turn, action) -> members.revoke(turn, action.number())));
        routes.put(Act.PICK_MEMBER, new Route(EVERYONE, choice::pickMember));
        routes.put(Act.PICK_REPORT, new Route(EVERYONE, choice::pickReport));
        routes.put(Act.COMPILE, new Route(OFFICE, (turn, action) -> reports.compile(turn, action.argument())));
        routes.put(Act.DRAFT_ACCEPT, new Route(MEMBERS, sentences::accept));
        routes.put(Act.DRAFT_EDIT, new Route(MEMBERS, sentences::edit));
        routes.put(Act.DRAFT_DROP, new Route(MEMBERS, sentences::drop));
        routes.put(Act.OPEN_PROPOSED, new Route(OFFICE, (turn, action) -> windows.openProposed(turn, action.argument())));
        routes.put(Act.LATE_ENTRY, new Route(OFFICE, (turn, action) -> lateEntry.askEnd(turn, action.argument())));
        // Who may decide on a part is checked against the part itself (its head, or the office for a head's own part).
        routes.put(Act.APPROVE_PART, new Route(EVERYONE, (turn, action) -> approval.approve(turn, action.argument())));
        routes.put(Act.RETURN_PART, new Route(EVERYONE, (turn, action) -> approval.askComment(turn, action.argument())));
        routes.put(Act.INVITE_HEAD, new Route(OFFICE, (turn, action) -> heads.invite(turn, action.argument())));
        routes.put(Act.HEAD_CHOOSE, new Route(OFFICE, (turn, action) -> heads.choose(turn, "")));
        routes.put(Act.NAME_HEAD, new Route(OFFICE, (turn, action) -> heads.name(turn, action.number())));
        routes.put(Act.REMOVE_HEAD, new Route(OFFICE, (turn, action) -> heads.remove(turn, action.argument())));
        routes.put(Act.OFFICE_APPROVAL, new Route(OFFICE, (turn, action) -> officeApproval.show(turn, action.argument())));
        for (Act act : Act.values()) {
            if (!routes.containsKey(act)) {
                throw new IllegalStateException("No route for the button action " + act);
            }
        }
    }

    void press(Turn turn, String data) {
        Optional<Action> action = codec.decode(data);
        if (action.isEmpty()) {
            turn.notice = texts.get("button.unknown");
            start.start(turn);
            return;
        }
        Route route = routes.get(action.get().act());
        if (!route.audience().admits(turn.member)) {
            turn.notice = texts.get("office.only");
            turn.say(texts.get("office.only"));
            return;
        }
        route.action().accept(turn, action.get());
    }
}
