package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.definition.Department;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** The office brings people in with one-time invite codes and takes them out of their department. */
@Component
class OfficeMembers {

    private final AccessService access;
    private final Texts texts;
    private final Screens screens;
    private final ActionCodec actions;
    private final Optional<InviteLinks> inviteLinks;
    private final OfficeDesk desk;
    private final DepartmentHeads heads;
    private final OfficeHeads headDesk;

    OfficeMembers(AccessService access, Texts texts, Screens screens, ActionCodec actions, Optional<InviteLinks> inviteLinks,
                  OfficeDesk desk, DepartmentHeads heads, OfficeHeads headDesk) {
        this.access = access;
        this.heads = heads;
        this.headDesk = headDesk;
        this.desk = desk;
        this.texts = texts;
        this.screens = screens;
        this.actions = actions;
        this.inviteLinks = inviteLinks;
    }

    void invite(Turn turn, String argument) {
        Optional<Department> department = Departments.find(turn.scope, argument);
        if (department.isEmpty()) {
            List<List<Button>> rows = new ArrayList<>();
            for (Department d : turn.scope.commune().departments()) {
                rows.add(List.of(actions.button(d.name(), Action.of(Act.INVITE, d.code())),
                        actions.button(texts.get("approval.button.invite-head"), Action.of(Act.INVITE_HEAD, d.code()))));
            }
            turn.say(argument.isBlank() ? texts.get("invite.choose") : texts.get("invite.unknown-department", argument), rows);
            return;
        }
        String code = access.createInvite(turn.member, department.get().code());
        String pretty = code.substring(0, 5) + "-" + code.substring(5);
        String link = inviteLinks.flatMap(l -> l.linkFor(code)).map(l -> texts.get("invite.link", l)).orElse("");
        turn.say(texts.get("invite.created", department.get().name(), pretty, access.inviteValidity().toDays(), code, link));
    }

    /** Who is in each department, so the office knows whom an invite or a reminder reaches. */
    void list(Turn turn, String argument) {
        StringBuilder text = new StringBuilder(texts.get("members.header", turn.scope.commune().name()));
        List<Member> active = access.activeMembers(turn.scope.communeCode());
        java.util.Map<String, Long> named = heads.heads(turn.scope.communeCode());
        for (Department department : turn.scope.commune().departments()) {
            List<String> names = active.stream().filter(m -> department.code().equals(m.getDepartmentCode()))
                    .map(m -> m.getId().equals(named.get(department.code()))
                            ? texts.get("approval.members.head", screens.who(m.getId())) : screens.who(m.getId())).toList();
            text.append('\n').append(names.isEmpty() ? texts.get("members.none", department.name())
                    : texts.get("members.line", department.name(), names.size(), String.join(", ", names)));
        }
        turn.say(text.toString(), List.of(List.of(actions.button(texts.get("approval.button.heads"), Action.of(Act.HEAD_CHOOSE)))));
    }

    /** {@code /truongphong}: each department's head, to name or remove. */
    void heads(Turn turn, String argument) {
        headDesk.choose(turn, argument);
    }

    void chooseRevoke(Turn turn, String argument) {
        List<List<Button>> rows = new ArrayList<>();
        for (Member member : access.activeMembers(turn.scope.communeCode())) {
            if (member.getDepartmentCode() != null) {
                String label = screens.who(member.getId()) + " – " + turn.scope.department(member.getDepartmentCode()).shortName();
                rows.add(List.of(actions.button(Screens.shorten(label, 60), Action.of(Act.REVOKE, member.getId()))));
            }
        }
        turn.say(rows.isEmpty() ? texts.get("revoke.nobody") : texts.get("revoke.choose"), rows);
    }

    void revoke(Turn turn, long memberId) {
        OfficeDesk.Result<Optional<Member>> revoked = desk.revoke(turn.scope, turn.member, memberId);
        if (revoked.outcome().isEmpty()) {
            Stale.button(turn, texts);
            chooseRevoke(turn, "");
            return;
        }
        turn.say(texts.get("revoke.done", screens.who(revoked.outcome().get().getId())));
        turn.out.addAll(revoked.notices());
    }
}
