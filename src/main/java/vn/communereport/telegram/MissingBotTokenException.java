package vn.communereport.telegram;

/** Started without a bot token: nothing can work, and the person needs one sentence, not a stack trace. */
public class MissingBotTokenException extends RuntimeException {
    public MissingBotTokenException() {
        super("TELEGRAM_BOT_TOKEN is not set");
    }
}
