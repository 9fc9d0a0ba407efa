package vn.communereport.telegram;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * Looks at the bot token before anything else runs. None: the application runs without Telegram (the web channel
 * alone), so {@code telegram.enabled} is set false and {@code app.web-only} true. One that cannot be a token (Telegram's
 * are the bot's number, a colon and letters, digits, '-' or '_'): start-up stops with one sentence
 * ({@link MalformedBotTokenFailureAnalyzer}), since such a bot would only ever be refused.
 */
public class BotTokenCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final Pattern SHAPE = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,}");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String token = event.getEnvironment().getProperty("telegram.bot-token");
        if (token == null || token.isBlank()) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("no-bot-token",
                    Map.of("telegram.enabled", "false", "app.web-only", "true")));
            return;
        }
        if (!SHAPE.matcher(token.trim()).matches()) {
            throw new MalformedBotTokenException();
        }
    }
}
