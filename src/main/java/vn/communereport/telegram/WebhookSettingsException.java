package vn.communereport.telegram;

/**
 * Webhook mode asked for with settings Telegram would refuse (or none at all): start-up stops with what is wrong and
 * what to set ({@link WebhookSettingsFailureAnalyzer}) instead of running a bot that never receives anything.
 */
public class WebhookSettingsException extends RuntimeException {

    private final String action;

    WebhookSettingsException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    String action() {
        return action;
    }
}
