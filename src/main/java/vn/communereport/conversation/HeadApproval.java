package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Texts;

/**
 * The department head's «Duyệt» and «Trả lại» under a submitted part, in the chat. Button data names the submission and
 * its version; {@link ApprovalDesk} (which the web's approval page calls too) checks it against the person's department
 * and commune and against the part as it is now, so a forged or stale button gets a sentence and changes nothing.
 */
@Component
class HeadApproval {

    private final ApprovalDesk desk;
    private final Texts texts;

    HeadApproval(ApprovalDesk desk, Texts texts) {
        this.desk = desk;
        this.texts = texts;
    }

    void approve(Turn turn, String reference) {
        Optional<long[]> ref = parse(reference);
        if (ref.isEmpty()) {
            refused(turn, forged());
            return;
        }
        tell(turn, desk.approve(turn.member, ref.get()[0], ref.get()[1]));
    }

    /** «Trả lại»: one short question, the comment the members will read. */
    void askComment(Turn turn, String reference) {
        Optional<long[]> ref = parse(reference);
        ApprovalDesk.Decision refusal = ref.isEmpty()
                ? forged()
                : desk.check(turn.member, ref.get()[0], ref.get()[1]);
        if (refusal != null) {
            refused(turn, refusal);
            return;
        }
        turn.state.awaitReturnComment(reference);
        turn.say(texts.get("approval.ask-comment", desk.departmentName(ref.get()[0])));
    }

    /** The comment the head was asked for: the part reopens for its department's members, each told with it. */
    void withComment(Turn turn, String comment) {
        String reference = turn.state.context();
        if (comment.isBlank() || comment.length() > OfficeDesk.MAX_COMMENT) {
            turn.say(texts.get("approval.comment-invalid"));
            return;
        }
        turn.state.idle();
        Optional<long[]> ref = parse(reference == null ? "" : reference);
        if (ref.isEmpty()) {
            refused(turn, forged());
            return;
        }
        tell(turn, desk.giveBack(turn.member, ref.get()[0], ref.get()[1], comment));
    }

    private void tell(Turn turn, ApprovalDesk.Decision decision) {
        if (!decision.taken()) {
            refused(turn, decision);
            return;
        }
        turn.say(decision.said());
        turn.out.addAll(decision.notices());
    }

    private void refused(Turn turn, ApprovalDesk.Decision decision) {
        ApprovalDesk.Outcome outcome = decision.outcome();
        if (outcome == ApprovalDesk.Outcome.STALE) {
            Stale.button(turn, texts);
            turn.say(texts.get("approval.stale")); // the chat's own words: it is a button that went stale
            return;
        }
        if (outcome == ApprovalDesk.Outcome.NOT_YOURS || outcome == ApprovalDesk.Outcome.HEAD_DECIDES) {
            Stale.button(turn, texts);
        }
        turn.say(decision.said());
    }

    private ApprovalDesk.Decision forged() {
        return new ApprovalDesk.Decision(ApprovalDesk.Outcome.NOT_YOURS, texts.get("approval.not-yours"), List.of());
    }

    /** "id-version" of a submission, as the request's buttons carry it. */
    private static Optional<long[]> parse(String reference) {
        String[] parts = reference.split("-");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
    }
}
