package vn.communereport.telegram;

import java.util.Optional;

import vn.communereport.conversation.InviteLinks;

/** The bot's @username once Telegram has told it; invite links open the bot with the code filled in. */
class BotIdentity implements InviteLinks {

    private volatile String username;

    void learned(String username) {
        this.username = username;
    }

    @Override
    public Optional<String> linkFor(String inviteCode) {
        String name = username;
        return name == null ? Optional.empty() : Optional.of("https://t.me/" + name + "?start=" + inviteCode);
    }
}
