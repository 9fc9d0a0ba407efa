package vn.communereport.conversation;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Texts;

/** Someone the bot does not know: an invite code joins them to a department; anyone else is told whom to ask. */
@Component
class Onboarding {

    private final AccessService access;
    private final ReportScopes scopes;
    private final Texts texts;
    private final MiniAppButton miniApp;
    private final DepartmentHeads heads;

    Onboarding(AccessService access, ReportScopes scopes, Texts texts, MiniAppButton miniApp, DepartmentHeads heads) {
        this.heads = heads;
        this.access = access;
        this.scopes = scopes;
        this.texts = texts;
        this.miniApp = miniApp;
    }

    /** Returns true when the person joined, so their flow starts now. */
    boolean stranger(Turn turn) {
        Inbound in = turn.in;
        String text = in.kind() == Inbound.Kind.TEXT && in.text() != null ? in.text().trim() : "";
        String candidate = null;
        if (text.startsWith("/start")) {
            candidate = text.substring("/start".length()).trim();
        } else if (AccessService.looksLikeInviteCode(text)) {
            candidate = text;
        }
        String office = texts.get("stranger.office");
        if (candidate == null || candidate.isEmpty()) {
            if (in.kind() == Inbound.Kind.BUTTON) {
                turn.notice = texts.get("stranger.notice");
            }
            turn.say(texts.get("stranger.welcome", office));
            return false;
        }
        AccessService.Redemption redemption = access.redeem(candidate, in.from(), in.displayName());
        switch (redemption.outcome()) {
            case UNKNOWN -> turn.say(texts.get("invite.unknown", office));
            case USED -> turn.say(texts.get("invite.used", office));
            case EXPIRED -> turn.say(texts.get("invite.expired", office));
            case JOINED -> {
                turn.member = redemption.member();
                CommuneDefinition commune = scopes.commune(turn.member.getCommuneCode()).orElseThrow();
                turn.say(texts.get("invite.joined", commune.department(turn.member.getDepartmentCode()).orElseThrow().name(),
                        commune.name()), miniApp.rows());
                if (heads.isHead(turn.member)) {
                    turn.say(texts.get("approval.heads.joined-as-head"));
                }
                return true;
            }
        }
        return false;
    }
}
