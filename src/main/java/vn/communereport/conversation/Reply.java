package vn.communereport.conversation;

import java.util.List;

import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;

/**
 * Everything the engine has to say after one inbound: messages (to this person and, sometimes, to others), already
 * in the outbox in the turn's transaction, and a short notice for the button that was pressed. The channel edge
 * sends {@code queued} right after the commit and marks each one sent; whatever it cannot send, the outbox keeps.
 * {@code actor} is the member who acted (null for a stranger): the edge may answer them where they just wrote from
 * instead of looking their address up.
 */
public record Reply(List<Outbox.Queued> queued, String buttonNotice, boolean duplicate, Long actor) {

    public Reply {
        queued = List.copyOf(queued);
    }

    /** What the turn says, in order. */
    public List<Outbound> messages() {
        return queued.stream().map(Outbox.Queued::message).toList();
    }

    /** The turn's messages as {@link Outbox#record} wrote them. */
    public static Reply recorded(List<Outbox.Queued> queued, String buttonNotice, Long actor) {
        return new Reply(queued, buttonNotice, false, actor);
    }

    public static Reply duplicateDelivery() {
        return new Reply(List.of(), null, true, null);
    }
}
