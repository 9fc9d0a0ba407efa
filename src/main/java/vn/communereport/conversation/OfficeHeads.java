package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.definition.Department;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/**
 * In the chat, the office names a department's head (trưởng phòng), removes one ({@link HeadDesk} makes the change), or
 * makes an invite whose holder becomes head: {@code /truongphong}, the button under {@code /thanhvien}, the head's button
 * when inviting.
 */
@Component
class OfficeHeads {

    private final DepartmentHeads heads;
    private final HeadDesk desk;
    private final AccessService access;
    private final Screens screens;
    private final Texts texts;
    private final ActionCodec actions;
    private final Optional<InviteLinks> inviteLinks;

    OfficeHeads(DepartmentHeads heads, HeadDesk desk, AccessService access, Screens screens, Texts texts, ActionCodec actions,
                Optional<InviteLinks> inviteLinks) {
        this.heads = heads;
        this.desk = desk;
        this.access = access;
        this.screens = screens;
        this.texts = texts;
        this.actions = actions;
        this.inviteLinks = inviteLinks;
    }

    /** Each department's head, with a button to name each member head and one to remove each head. */
    void choose(Turn turn, String argument) {
        Map<String, Long> named = heads.heads(turn.scope.communeCode());
        StringBuilder text = new StringBuilder(texts.get("approval.heads.header", turn.scope.commune().name()));
        List<List<Button>> rows = new ArrayList<>();
        for (Department department : turn.scope.commune().departments()) {
            Long head = named.get(department.code());
            text.append('\n').append(head == null ? texts.get("approval.heads.none", department.name())
                    : texts.get("approval.heads.line", department.name(), screens.who(head)));
            if (head != null) {
                rows.add(List.of(actions.button(Screens.shorten(texts.get("approval.button.remove", department.shortName()), 60),
                        Action.of(Act.REMOVE_HEAD, department.code()))));
            }
        }
        for (Member member : access.activeMembers(turn.scope.communeCode())) {
            if (member.getDepartmentCode() != null && !member.getId().equals(named.get(member.getDepartmentCode()))
                    && turn.scope.commune().department(member.getDepartmentCode()).isPresent()) {
                String label = texts.get("approval.button.name", screens.who(member.getId()),
                        turn.scope.department(member.getDepartmentCode()).shortName());
                rows.add(List.of(actions.button(Screens.shorten(label, 60), Action.of(Act.NAME_HEAD, member.getId()))));
            }
        }
        text.append("\n\n").append(texts.get(rows.isEmpty() ? "approval.heads.nobody" : "approval.heads.footer"));
        turn.say(text.toString(), rows);
    }

    void name(Turn turn, long memberId) {
        OfficeDesk.Result<DepartmentHeads.Named> result = desk.name(turn.scope, turn.member, memberId);
        DepartmentHeads.Named named = result.outcome();
        if (named.outcome() == DepartmentHeads.Naming.NOT_A_MEMBER) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.heads.not-a-member"));
            return;
        }
        String department = desk.departmentName(turn.scope, named.head().getDepartmentCode());
        turn.say(texts.get(named.outcome() == DepartmentHeads.Naming.ALREADY_HEAD ? "approval.heads.already" : "approval.heads.named",
                screens.who(named.head().getId()), department));
        turn.out.addAll(result.notices());
    }

    void remove(Turn turn, String departmentCode) {
        OfficeDesk.Result<Optional<Member>> removed = desk.remove(turn.scope, turn.member, departmentCode);
        if (removed.outcome().isEmpty()) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.heads.no-head"));
            return;
        }
        turn.say(texts.get("approval.heads.removed", screens.who(removed.outcome().get().getId()),
                desk.departmentName(turn.scope, departmentCode)));
        turn.out.addAll(removed.notices());
    }

    /** An invite code whose holder joins the department as its head. */
    void invite(Turn turn, String departmentCode) {
        Optional<Department> department = turn.scope.commune().department(departmentCode);
        if (department.isEmpty()) {
            Stale.button(turn, texts);
            turn.say(texts.get("invite.unknown-department", departmentCode));
            return;
        }
        String code = access.createInvite(turn.member, department.get().code(), true);
        String pretty = code.substring(0, 5) + "-" + code.substring(5);
        String link = inviteLinks.flatMap(l -> l.linkFor(code)).map(l -> texts.get("invite.link", l)).orElse("");
        turn.say(texts.get("invite.created", department.get().name(), pretty, access.inviteValidity().toDays(), code, link)
                + "\n\n" + texts.get("approval.invite-head", department.get().name()));
    }
}
