package vn.communereport.telegram;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.conversation.Outbound;

/**
 * Sends what the engine says. Telegram being slow or briefly down must not lose a message: 429 waits the
 * time Telegram asks, 5xx and network errors back off and retry; 403 means the person blocked the bot.
 */
class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final int MAX_ATTEMPTS = 6;

    private final TelegramClient client;
    private final AccessService access;
    private final Sleeper sleeper;

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    TelegramSender(TelegramClient client, AccessService access, Sleeper sleeper) {
        this.client = client;
        this.access = access;
        this.sleeper = sleeper;
    }

    void send(Outbound message) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder().chatId(message.chatId()).text(message.text());
        if (!message.buttons().isEmpty()) {
            List<InlineKeyboardRow> rows = new ArrayList<>();
            for (List<Outbound.Button> row : message.buttons()) {
                InlineKeyboardRow keyboardRow = new InlineKeyboardRow();
                for (Outbound.Button button : row) {
                    keyboardRow.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build());
                }
                rows.add(keyboardRow);
            }
            builder.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
        }
        execute(builder.build(), message.chatId());
    }

    void answerButton(String callbackQueryId, String notice) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> builder = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId);
        if (notice != null && !notice.isBlank()) {
            builder.text(notice.length() > 200 ? notice.substring(0, 199) + "…" : notice);
        }
        // A late answer only fails to stop a spinner; not worth retrying.
        try {
            client.execute(builder.build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
    }

    /** Returns true when Telegram accepted the call. */
    <T extends java.io.Serializable> boolean execute(BotApiMethod<T> method, Long chatId) {
        long backoff = 500;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                client.execute(method);
                return true;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    pause(retryAfter == null ? backoff : retryAfter * 1000L);
                    continue;
                }
                if (code != null && code == 403) {
                    if (chatId != null) {
                        access.markChatUnreachable(chatId);
                    }
                    log.info("Chat {} does not accept messages from the bot ({})", chatId, e.getApiResponse());
                    return false;
                }
                if (code != null && code >= 400 && code < 500) {
                    log.error("Telegram refused {}: {} {}", method.getMethod(), code, e.getApiResponse());
                    return false;
                }
                log.warn("Telegram failed {} (attempt {}): {}", method.getMethod(), attempt, e.getApiResponse());
            } catch (TelegramApiException e) {
                log.warn("Telegram unreachable for {} (attempt {}): {}", method.getMethod(), attempt, e.getMessage());
            }
            pause(backoff);
            backoff = Math.min(backoff * 2, 15_000);
        }
        log.error("Gave up sending {} to chat {} after {} attempts", method.getMethod(), chatId, MAX_ATTEMPTS);
        return false;
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
