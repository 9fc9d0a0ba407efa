package vn.communereport.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Registers the webhook with Telegram once for all instances. The one row of telegram_webhook is locked
 * ({@code select ... for update}, on H2 and PostgreSQL alike) while an instance compares what is registered (the row,
 * and Telegram's getWebhookInfo) with its own settings; it calls setWebhook only when they differ (first start, a new
 * URL, secret, max_connections or update types, or a webhook removed meanwhile, e.g. by a long-polling instance), and
 * writes the row before the lock is let go. Instances starting together queue on the lock and find it done.
 */
class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final String instance;

    WebhookRegistration(TelegramClient client, JdbcTemplate jdbc, TransactionTemplate transactions, WebhookSettings settings,
                        Clock clock, String instance) {
        this.client = client;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.instance = instance;
    }

    /** Makes sure Telegram posts to this deployment; true when this instance called setWebhook. */
    boolean register() throws TelegramApiException {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                try {
                    return registerLocked();
                } catch (TelegramApiException e) {
                    throw new Failed(e);
                }
            }));
        } catch (Failed failed) {
            throw failed.cause;
        }
    }

    /**
     * Looks again now and then: a long-polling instance started with the same token deletes the webhook, and
     * Telegram then posts nothing; the first instance to look sets it again.
     */
    @Scheduled(fixedDelayString = "${telegram.webhook.check-interval:PT10M}", initialDelayString = "${telegram.webhook.check-interval:PT10M}")
    public void check() {
        try {
            register();
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("The webhook could not be checked now: {}", e.getMessage());
        }
    }

    private boolean registerLocked() throws TelegramApiException {
        Map<String, Object> row = jdbc.queryForMap(
                "select url, secret_sha256, max_connections, allowed_updates from telegram_webhook where id = 1 for update");
        String secretHash = sha256(settings.secret());
        String allowed = String.join(",", TelegramBot.ALLOWED_UPDATES);
        WebhookInfo info = client.execute(new GetWebhookInfo());
        boolean same = settings.url().equals(info.getUrl()) && settings.url().equals(row.get("url"))
                && secretHash.equals(row.get("secret_sha256")) && row.get("max_connections") != null
                && settings.maxConnections() == ((Number) row.get("max_connections")).intValue() && allowed.equals(row.get("allowed_updates"))
                && Objects.equals(info.getMaxConnections(), settings.maxConnections());
        if (same) {
            log.info("Webhook already registered at {}", settings.url());
            return false;
        }
        client.execute(SetWebhook.builder().url(settings.url()).secretToken(settings.secret()).maxConnections(settings.maxConnections())
                .allowedUpdates(List.of(TelegramBot.ALLOWED_UPDATES.toArray(String[]::new))).build());
        jdbc.update("update telegram_webhook set url = ?, secret_sha256 = ?, max_connections = ?, allowed_updates = ?, registered_at = ?,"
                + " registered_by = ? where id = 1", settings.url(), secretHash, settings.maxConnections(), allowed,
                clock.instant().atOffset(ZoneOffset.UTC), instance);
        log.info("Webhook registered at {} (max {} connections){}", settings.url(), settings.maxConnections(),
                info.getUrl() == null || info.getUrl().isEmpty() ? "" : ", replacing " + info.getUrl());
        return true;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries Telegram's refusal out of the transaction, which it rolls back. */
    private static final class Failed extends RuntimeException {
        final TelegramApiException cause;

        Failed(TelegramApiException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
