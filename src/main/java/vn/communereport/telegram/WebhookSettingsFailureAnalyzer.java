package vn.communereport.telegram;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns webhook settings Telegram would refuse into what is wrong and what to set, not a stack trace. */
class WebhookSettingsFailureAnalyzer extends AbstractFailureAnalyzer<WebhookSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WebhookSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
