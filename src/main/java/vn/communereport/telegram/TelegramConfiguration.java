package vn.communereport.telegram;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Texts;

/** The Telegram edge: one client for sending, one long-polling session for receiving, same base URL. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
@ConditionalOnProperty(name = "telegram.enabled", havingValue = "true", matchIfMissing = true)
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        return new OkHttpTelegramClient(properties.botToken(), properties.telegramUrl());
    }

    @Bean
    TelegramSender telegramSender(TelegramClient client, AccessService access) {
        return new TelegramSender(client, access, Thread::sleep);
    }

    @Bean
    BotIdentity botIdentity() {
        return new BotIdentity();
    }

    @Bean
    TelegramBot telegramBot(TelegramProperties properties, TelegramClient client, ConversationEngine engine,
                            TelegramSender sender, Texts texts, BotIdentity identity) {
        TelegramBot[] self = new TelegramBot[1];
        UpdateConsumer consumer = new UpdateConsumer(engine, sender, texts, () -> self[0] != null && self[0].isRunning(), Thread::sleep);
        self[0] = new TelegramBot(properties, client, consumer, texts, identity);
        return self[0];
    }
}
