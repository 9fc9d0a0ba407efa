package vn.communereport.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;


/**
 * Connects the bot to Telegram in the background: start-up never waits for Telegram, and when Telegram
 * cannot be reached the bot keeps trying until it answers. Polling: the library's long polling (registering calls
 * deleteWebhook first). Webhook mode: no long polling at all; the webhook is registered (once for all instances, see
 * {@link WebhookRegistration}) and Telegram posts to {@link WebhookEndpoint}.
 */
class TelegramBot implements SmartLifecycle {

    /** The update types the bot handles, asked for by long polling and by the webhook alike. */
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final TelegramProperties properties;
    private final TelegramClient client;
    private final UpdateConsumer consumer;
    private final CommandMenus menus;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile TelegramBotsLongPollingApplication application;
    private volatile Thread connector;
    private final BotIdentity identity;

    /** Set in webhook mode (then there is no consumer). */
    private final WebhookRegistration webhook;

    TelegramBot(TelegramProperties properties, TelegramClient client, UpdateConsumer consumer, CommandMenus menus, BotIdentity identity) {
        this(properties, client, consumer, null, menus, identity);
    }

    TelegramBot(TelegramProperties properties, TelegramClient client, UpdateConsumer consumer, WebhookRegistration webhook,
                CommandMenus menus, BotIdentity identity) {
        this.webhook = webhook;
        this.identity = identity;
        this.properties = properties;
        this.client = client;
        this.consumer = consumer;
        this.menus = menus;
    }

    @Override
    public void start() {
        running.set(true);
        Thread thread = new Thread(this::connect, "telegram-connect");
        thread.setDaemon(true);
        connector = thread;
        thread.start();
    }

    private void connect() {
        long backoff = 1_000;
        while (running.get()) {
            try {
                User me = client.execute(new GetMe());
                identity.learned(me.getUserName());
                menus.register();
                if (webhook != null) {
                    webhook.register();
                    log.info("Connected to the Bot API at {} as @{}; updates come by webhook", properties.apiUrl(), me.getUserName());
                    return;
                }
                TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
                app.registerBot(properties.botToken(), properties::telegramUrl,
                        lastReceived -> GetUpdates.builder().offset(lastReceived + 1).limit(100)
                                .timeout(properties.pollTimeoutSeconds()).allowedUpdates(ALLOWED_UPDATES).build(),
                        consumer);
                application = app;
                log.info("Connected to the Bot API at {} as @{}", properties.apiUrl(), me.getUserName());
                return;
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("Cannot reach the Bot API at {} ({}); retrying in {} s", properties.apiUrl(), e.getMessage(), backoff / 1000);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
    }

    @Override
    public void stop() {
        running.set(false);
        Thread thread = connector;
        if (thread != null) {
            thread.interrupt();
        }
        TelegramBotsLongPollingApplication app = application;
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                log.debug("Closing long polling: {}", e.getMessage());
            }
        }
        if (consumer != null) {
            consumer.finish(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    boolean polling() {
        TelegramBotsLongPollingApplication app = application;
        return app != null && app.isRunning();
    }
}
