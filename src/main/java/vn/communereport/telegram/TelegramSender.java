package vn.communereport.telegram;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.messaging.Outbound;

/**
 * Sends what the engine says, within Telegram's rate limits. Telegram being slow or briefly down must not
 * lose a message: 429 waits the time Telegram asks, 5xx and network errors back off and retry; 403 means
 * the person blocked the bot (marked, and the others still get theirs).
 */
class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
    private static final int MAX_ATTEMPTS = 8;

    /** What became of one message. */
    enum Delivery { SENT, UNREACHABLE, REFUSED, FAILED }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private interface Call {
        void run() throws TelegramApiException;
    }

    private final TelegramClient client;
    private final AccessService access;
    private final Sleeper sleeper;
    private final SendPacer pacer;

    TelegramSender(TelegramClient client, AccessService access, Sleeper sleeper, SendPacer pacer) {
        this.client = client;
        this.access = access;
        this.sleeper = sleeper;
        this.pacer = pacer;
    }

    Delivery send(Outbound message) {
        if (message.attachment() != null) {
            return deliver("sendDocument", message.chatId(), () -> client.execute(SendDocument.builder()
                    .chatId(message.chatId())
                    .document(new InputFile(new ByteArrayInputStream(message.attachment().content()), message.attachment().fileName()))
                    .caption(message.text())
                    .build()));
        }
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
        SendMessage send = builder.build();
        return deliver("sendMessage", message.chatId(), () -> client.execute(send));
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

    private Delivery deliver(String method, long chatId, Call call) {
        long backoff = 500;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            pause(pacer.reserve(chatId) / 1_000_000L);
            try {
                call.run();
                return Delivery.SENT;
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 429) {
                    Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                    log.info("Telegram asked to slow down ({} s) sending to chat {}", retryAfter, chatId);
                    pause(retryAfter == null ? backoff : retryAfter * 1000L);
                    continue;
                }
                if (code != null && code == 403) {
                    access.markChatUnreachable(chatId);
                    log.info("Chat {} does not accept messages from the bot: {}", chatId, e.getApiResponse());
                    return Delivery.UNREACHABLE;
                }
                if (code != null && code >= 400 && code < 500) {
                    log.error("Telegram refused {} to chat {}: {} {}", method, chatId, code, e.getApiResponse());
                    return Delivery.REFUSED;
                }
                log.warn("Telegram failed {} (attempt {}): {}", method, attempt, e.getApiResponse());
            } catch (TelegramApiException e) {
                log.warn("Telegram unreachable for {} (attempt {}): {}", method, attempt, e.getMessage());
            }
            pause(backoff);
            backoff = Math.min(backoff * 2, 15_000);
        }
        log.error("Gave up {} to chat {} after {} attempts", method, chatId, MAX_ATTEMPTS);
        return Delivery.FAILED;
    }

    private void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
