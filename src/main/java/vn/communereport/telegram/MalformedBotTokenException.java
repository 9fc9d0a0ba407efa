package vn.communereport.telegram;

/** A bot token that cannot be one: nothing Telegram would accept, and the person needs one sentence, not a stack trace. */
public class MalformedBotTokenException extends RuntimeException {
    public MalformedBotTokenException() {
        // The token itself is never repeated: it may be a real one with a typo.
        super("TELEGRAM_BOT_TOKEN is not a bot token");
    }
}
