package vn.communereport.telegram;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a malformed token into the one sentence the person needs. */
class MalformedBotTokenFailureAnalyzer extends AbstractFailureAnalyzer<MalformedBotTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MalformedBotTokenException cause) {
        return new FailureAnalysis(
                "TELEGRAM_BOT_TOKEN is not a bot token: a token is the bot's number, a colon and about 35 letters, digits, "
                        + "'-' or '_' (like 123456789:AAH...), with no spaces or quotes.",
                "Copy the token again from @BotFather in Telegram (/mybots, your bot, API Token) into the .env file as "
                        + "TELEGRAM_BOT_TOKEN=<token>, or leave it empty to run the web channel alone, then start again.",
                cause);
    }
}
