package vn.communereport.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.messaging.Outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;


/**
 * Webhook mode ({@code TELEGRAM_MODE=webhook}, with a bot token): Telegram posts updates to {@link WebhookEndpoint}, every
 * instance's {@link WebhookWorkers} handle them from the database, and one instance registers the webhook. Settings
 * Telegram would refuse stop the start ({@link WebhookSettings}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(WebhookConfiguration.WEBHOOK_MODE)
class WebhookConfiguration {

    /** Telegram on, in webhook mode; the endpoint (a scanned controller) has the same condition. */
    static final String WEBHOOK_MODE = "${telegram.enabled:true} and '${telegram.mode:polling}'.trim().equalsIgnoreCase('webhook')";

    @Bean
    WebhookSettings webhookSettings(@Value("${app.public-url:}") String publicUrl, @Value("${telegram.webhook.secret:}") String secret,
                                    @Value("${telegram.webhook.max-connections:40}") int maxConnections,
                                    @Value("${telegram.webhook.lease:PT1M}") Duration lease,
                                    @Value("${telegram.webhook.poll-interval:PT1S}") Duration pollInterval) {
        return WebhookSettings.of(publicUrl, secret, maxConnections, lease, pollInterval);
    }

    /** Jackson 2, as the library's Update is; Telegram adds fields the library may not know yet. */
    @Bean
    WebhookJson webhookJson() {
        return new WebhookJson(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @Bean
    RecordedUpdates recordedUpdates(JdbcTemplate jdbc, WebhookSettings settings, Outbox outbox) {
        return new RecordedUpdates(jdbc, Clock.systemUTC(), settings.lease(), holder(outbox.instanceName()));
    }

    @Bean
    WebhookWorkers webhookWorkers(RecordedUpdates updates, UpdateHandler handler, WebhookJson json, TelegramProperties properties,
                                  WebhookSettings settings, MeterRegistry meters) {
        Gauge.builder("telegram.webhook.waiting", updates, RecordedUpdates::waiting)
                .description("Updates recorded and not handled yet").register(meters);
        return new WebhookWorkers(updates, handler, json.mapper(), properties.handlerThreads(), settings.pollInterval().toMillis());
    }

    @Bean
    WebhookRegistration webhookRegistration(TelegramClient client, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                            WebhookSettings settings, Clock clock, Outbox outbox) {
        return new WebhookRegistration(client, jdbc, new TransactionTemplate(transactions), settings, clock, holder(outbox.instanceName()));
    }

    @Bean
    HandledUpdatesCleanup handledUpdatesCleanup(RecordedUpdates updates, @Value("${telegram.webhook.keep-handled:P2D}") Duration keep) {
        return new HandledUpdatesCleanup(updates, keep);
    }

    /** This run of this instance (named as the outbox names it, see {@link Outbox#instanceName}), as leases and the registration name it. */
    private static String holder(String instance) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return instance + ":" + run;
    }

    /** The Jackson 2 mapper of the webhook, under a type of its own (the application's ObjectMapper is Jackson 3's). */
    record WebhookJson(ObjectMapper mapper) {
    }

    /**
     * Forgets handled updates once Telegram can no longer post them again (it keeps an update for a day at most). Safe
     * on several instances at once: a row deleted twice is deleted once.
     */
    static class HandledUpdatesCleanup {
        private final RecordedUpdates updates;
        private final Duration keep;

        HandledUpdatesCleanup(RecordedUpdates updates, Duration keep) {
            this.updates = updates;
            this.keep = keep;
        }

        @Scheduled(fixedDelayString = "${telegram.webhook.cleanup-interval:PT6H}", initialDelayString = "${telegram.webhook.cleanup-interval:PT6H}")
        public void forget() {
            updates.forgetHandled(keep);
        }
    }
}
