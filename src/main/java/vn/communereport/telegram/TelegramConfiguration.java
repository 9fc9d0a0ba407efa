package vn.communereport.telegram;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import io.micrometer.core.instrument.MeterRegistry;

import vn.communereport.access.AccessService;
import vn.communereport.conversation.CommandMenu;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.WebLinks;
import vn.communereport.messaging.Outbox;
import vn.communereport.definition.Definitions;
import vn.communereport.province.ProvinceDesk;
import vn.communereport.messaging.Texts;

/**
 * The Telegram edge: one client for sending and, for receiving, one long-polling session (same base URL) or, with
 * {@code telegram.mode=webhook}, Telegram's posts ({@link WebhookConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
@ConditionalOnProperty(name = "telegram.enabled", havingValue = "true", matchIfMissing = true)
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        return new OkHttpTelegramClient(properties.botToken(), properties.telegramUrl());
    }

    @Bean
    TelegramSender telegramSender(TelegramClient client, AccessService access,
                                  @Value("${telegram.messages-per-second:25}") double messagesPerSecond,
                                  @Value("${telegram.chat-messages-per-second:1}") double chatMessagesPerSecond,
                                  @Value("${telegram.burst:4}") int burst,
                                  @Value("${telegram.chat-burst:3}") int chatBurst) {
        // Any one-second window then holds at most burst + rate messages: 29 by default, under Telegram's 30.
        SendPacer pacer = new SendPacer(messagesPerSecond, burst, chatMessagesPerSecond, chatBurst, System::nanoTime);
        return new TelegramSender(client, access, Thread::sleep, pacer);
    }

    /** Sends what the outbox holds: each turn's messages right after its commit, and the rest on its own thread. */
    @Bean
    OutboxDrainer outboxDrainer(Outbox outbox, TelegramSender sender,
                                @Value("${app.outbox.poll-interval:PT1S}") Duration pollInterval) {
        return new OutboxDrainer(outbox, sender, pollInterval);
    }

    @Bean
    BotIdentity botIdentity() {
        return new BotIdentity();
    }

    @Bean
    CommandMenus commandMenus(TelegramClient client, CommandMenu menu, AccessService access, Definitions definitions,
                              Optional<WebLinks> web, Texts texts, ProvinceDesk province) {
        CommandMenus menus = new CommandMenus(client, menu, access, definitions, province);
        web.flatMap(WebLinks::miniAppUrl).ifPresent(url -> menus.withMiniApp(url, texts.get("web.button.open-form")));
        return menus;
    }

    /** One update's handling, the same for long polling and the webhook; gives up waiting for the database once the bot stops. */
    @Bean
    UpdateHandler updateHandler(TelegramProperties properties, TelegramClient client, ConversationEngine engine, TelegramSender sender,
                                OutboxDrainer outbox, Texts texts, CommandMenus menus, ObjectProvider<TelegramBot> bot,
                                ObjectProvider<MeterRegistry> meters,
                                @Value("${app.spreadsheet.max-upload-bytes:5242880}") long maxUploadBytes) {
        UpdateHandler handler = new UpdateHandler(engine, sender, outbox, texts, () -> bot.getObject().isRunning(), Thread::sleep)
                .withMenus(menus).withFiles(new TelegramFiles(client, properties, maxUploadBytes));
        meters.ifAvailable(handler::countedIn);
        return handler;
    }

    @Bean
    TelegramBot telegramBot(TelegramProperties properties, TelegramClient client, UpdateHandler handler, CommandMenus menus,
                            BotIdentity identity, @Value("${telegram.mode:polling}") String mode,
                            @Value("${telegram.updates-per-commit:16}") int updatesPerCommit,
                            Optional<WebhookRegistration> webhook) {
        if (WebhookSettings.webhookMode(mode)) {
            return new TelegramBot(properties, client, null, webhook.orElseThrow(), menus, identity);
        }
        UpdateConsumer consumer = new UpdateConsumer(handler).handledOn(properties.handlerThreads()).committingUpTo(updatesPerCommit);
        return new TelegramBot(properties, client, consumer, menus, identity);
    }
}
