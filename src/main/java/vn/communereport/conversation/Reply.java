package vn.communereport.conversation;

import java.util.List;

import vn.communereport.messaging.Outbound;

/**
 * Everything the engine has to say after one inbound: messages (to this person and, sometimes, to others)
 * and a short notice for the button that was pressed.
 */
public record Reply(List<Outbound> messages, String buttonNotice, boolean duplicate) {

    public static Reply duplicateDelivery() {
        return new Reply(List.of(), null, true);
    }
}
