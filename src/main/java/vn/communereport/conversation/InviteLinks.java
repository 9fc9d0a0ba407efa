package vn.communereport.conversation;

import java.util.Optional;

/** A channel that can turn an invite code into a link that opens the bot with the code filled in. */
public interface InviteLinks {

    Optional<String> linkFor(String inviteCode);
}
