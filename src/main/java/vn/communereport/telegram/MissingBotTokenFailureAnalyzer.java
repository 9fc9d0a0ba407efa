package vn.communereport.telegram;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token into the one sentence the person needs. */
class MissingBotTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingBotTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingBotTokenException cause) {
        return new FailureAnalysis(
                "No Telegram bot token: TELEGRAM_BOT_TOKEN is empty.",
                "Create a bot with @BotFather in Telegram (/newbot), copy the token it gives you into the .env file "
                        + "in the project folder as TELEGRAM_BOT_TOKEN=<token> (see .env.example), then start the bot again.",
                cause);
    }
}
