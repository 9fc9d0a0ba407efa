package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.acting.ActingScopes;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/**
 * What a person acts for: which of their memberships (two communes, two departments: /donvi) and which of the open
 * reports their department owes (/baocao). Asked when it is ambiguous, kept once chosen; a choice is checked against
 * what is the person's to choose, so a forged button reaches nothing.
 */
@Component
class ScopeChoice {

    private final AccessService access;
    private final ActingScopes acting;
    private final ReportScopes scopes;
    private final ActionCodec actions;
    private final Texts texts;
    private final FlowStart start;

    ScopeChoice(AccessService access, ActingScopes acting, ReportScopes scopes, ActionCodec actions, Texts texts, FlowStart start) {
        this.access = access;
        this.acting = acting;
        this.scopes = scopes;
        this.actions = actions;
        this.texts = texts;
        this.start = start;
    }

    /**
     * A person with several memberships and none chosen: only choosing one is done (its button or /donvi); anything
     * else is answered with the choice.
     */
    void membershipUnchosen(Turn turn, List<Member> memberships) {
        Optional<Action> pick = pressed(turn, Act.PICK_MEMBER);
        if (pick.isPresent()) {
            pickMember(turn, pick.get(), memberships);
            return;
        }
        if (turn.in.kind() == Inbound.Kind.BUTTON) {
            turn.notice = texts.get("communes.choose-membership-first");
        }
        askMembership(turn, memberships, texts.get("communes.membership.ask"));
    }

    /** /donvi: which membership the person acts for, with a button each. */
    void membership(Turn turn, String argument) {
        List<Member> memberships = access.memberships(turn.in.from());
        if (memberships.size() < 2) {
            turn.say(texts.get("communes.membership.only", describe(turn.member)));
            return;
        }
        askMembership(turn, memberships, texts.get("communes.membership.current", describe(turn.member)));
    }

    /** A membership's button, pressed while one is chosen (to change it) or while none is. */
    void pickMember(Turn turn, Action action) {
        pickMember(turn, action, access.memberships(turn.in.from()));
    }

    private void pickMember(Turn turn, Action action, List<Member> memberships) {
        if (!access.chooseMembership(turn.in.from(), action.number())) {
            // Not one of this person's memberships: a forged or out-of-date button changes nothing.
            turn.notice = texts.get("button.stale");
            askMembership(turn, memberships, texts.get("communes.membership.refused"));
            return;
        }
        Member chosen = memberships.stream().filter(m -> m.getId() == action.number()).findFirst().orElseThrow();
        turn.member = chosen;
        turn.say(texts.get("communes.membership.chosen", describe(chosen)));
    }

    /**
     * The member has several open reports and chose none of them: only choosing one is done; anything else is answered
     * with the choice.
     */
    void reportUnchosen(Turn turn, List<ReportScope> choices) {
        Optional<Action> pick = pressed(turn, Act.PICK_REPORT);
        if (pick.isPresent()) {
            pickReport(turn, pick.get());
            return;
        }
        Optional<Action> member = pressed(turn, Act.PICK_MEMBER);
        if (member.isPresent()) {
            pickMember(turn, member.get());
            return;
        }
        if (turn.in.kind() == Inbound.Kind.TEXT && turn.in.text() != null && turn.in.text().strip().startsWith("/donvi")) {
            membership(turn, "");
            return;
        }
        if (turn.in.kind() == Inbound.Kind.BUTTON) {
            turn.notice = texts.get("communes.choose-report-first");
        }
        askReport(turn, choices, texts.get("communes.report.ask"));
    }

    /**
     * A member who sends an invite code of another department or commune joins it as a second membership and acts for
     * it from now on (/donvi goes back); false when the code joins nothing new.
     */
    boolean joinAnother(Turn turn, String code) {
        AccessService.Redemption redemption = access.redeem(code, turn.in.from(), turn.in.displayName());
        if (redemption.outcome() != vn.communereport.access.InviteOutcome.JOINED) {
            return false;
        }
        Member joined = redemption.member();
        if (!joined.getId().equals(turn.member.getId())) {
            access.chooseMembership(turn.in.from(), joined.getId());
        }
        turn.member = joined;
        turn.say(texts.get("communes.membership.joined", describe(joined)));
        return true;
    }

    /** /baocao: which report the person acts in, with a button each. */
    void report(Turn turn, String argument) {
        List<ReportScope> choices = acting.choices(turn.member);
        if (choices.size() < 2) {
            turn.say(texts.get("communes.report.only", turn.scope.report().name()));
            return;
        }
        askReport(turn, choices, texts.get("communes.report.current", turn.scope.report().name()));
    }

    /** A report's button: acts in it from now on and starts (or resumes) its questions, or the office's menu. */
    void pickReport(Turn turn, Action action) {
        Optional<ReportScope> chosen = acting.choose(turn.member, action.argument());
        if (chosen.isEmpty()) {
            turn.notice = texts.get("button.stale");
            askReport(turn, acting.choices(turn.member), texts.get("communes.report.refused"));
            return;
        }
        boolean changed = turn.scope == null || !turn.scope.reportCode().equals(chosen.get().reportCode());
        turn.scope = chosen.get();
        if (changed) {
            // Where they were belongs to the other report's period; its question buttons are out of date now.
            turn.state.idle();
        }
        turn.say(texts.get("communes.report.chosen", chosen.get().report().name()));
        start.start(turn);
    }

    private Optional<Action> pressed(Turn turn, Act act) {
        if (turn.in.kind() != Inbound.Kind.BUTTON) {
            return Optional.empty();
        }
        return actions.decode(turn.in.buttonData()).filter(a -> a.act() == act);
    }

    private void askMembership(Turn turn, List<Member> memberships, String text) {
        List<List<Button>> rows = new ArrayList<>();
        for (Member m : memberships) {
            rows.add(List.of(actions.button(Screens.shorten(describe(m), 60), Action.of(Act.PICK_MEMBER, m.getId()))));
        }
        turn.say(text, rows);
    }

    private void askReport(Turn turn, List<ReportScope> choices, String text) {
        List<List<Button>> rows = new ArrayList<>();
        for (ReportScope s : choices) {
            rows.add(List.of(actions.button(Screens.shorten(s.report().name(), 60), Action.of(Act.PICK_REPORT, s.reportCode()))));
        }
        turn.say(text, rows);
    }

    /** "Phòng Kinh tế – Xã Bình Lư", "Văn phòng (quản trị) – Xã Mẫu Thử". */
    private String describe(Member member) {
        Optional<CommuneDefinition> commune = scopes.commune(member.getCommuneCode());
        String communeName = commune.map(CommuneDefinition::name).orElse(member.getCommuneCode());
        String department = member.getDepartmentCode() == null ? null
                : commune.flatMap(c -> c.department(member.getDepartmentCode())).map(d -> d.name()).orElse(member.getDepartmentCode());
        if (department == null) {
            return texts.get("communes.membership.office", communeName);
        }
        return texts.get(member.isOfficeAdmin() ? "communes.membership.department-and-office" : "communes.membership.department",
                department, communeName);
    }
}
