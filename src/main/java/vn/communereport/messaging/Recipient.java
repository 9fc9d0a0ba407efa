package vn.communereport.messaging;

/**
 * Whom a message is for. The core addresses members; only a person the bot does not know yet (a stranger
 * trying an invite code) is answered at the channel address they wrote from. The channel edge turns a
 * member into an address of its own (for Telegram, a chat).
 */
public sealed interface Recipient {

    record ToMember(long memberId) implements Recipient {
    }

    record ToAddress(String channel, String address) implements Recipient {
    }

    static Recipient member(long memberId) {
        return new ToMember(memberId);
    }

    static Recipient address(String channel, String address) {
        return new ToAddress(channel, address);
    }
}
