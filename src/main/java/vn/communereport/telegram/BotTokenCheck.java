package vn.communereport.telegram;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/** Stops start-up before anything else runs when no bot token is configured. */
public class BotTokenCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String token = event.getEnvironment().getProperty("telegram.bot-token");
        if (token == null || token.isBlank()) {
            throw new MissingBotTokenException();
        }
    }
}
