package vn.communereport.telegram;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;

/**
 * Makes one attempt at sending one message, within Telegram's rate limits, and says what became of it; trying
 * again is the outbox's business ({@link OutboxDrainer}), so that a message Telegram does not take now is kept,
 * however long Telegram stays away. 429 also holds back every send of this process for the time Telegram asks;
 * 403 means the person blocked the bot (marked, so they are not tried again until they write).
 */
class TelegramSender {

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    /** What became of one attempt. */
    enum Delivery {
        /** Telegram took it. */
        SENT,
        /** Nobody to send it to: the member has no chat we may write to, or the person blocked the bot. Done. */
        UNREACHABLE,
        /** Telegram refused it for good (a 4xx other than 403 and 429, or the library's own checks). Done. */
        REFUSED,
        /** Not now (429, 5xx, network): to be tried again. */
        RETRY
    }

    /**
     * The outcome of one attempt: {@code ref} is the sent message's reference ("chat:message"), when sent;
     * {@code retryAfterMillis} is how long Telegram asked to wait, when it did (0 otherwise).
     */
    record Attempt(Delivery delivery, String ref, long retryAfterMillis) {
        static Attempt sent(String ref) {
            return new Attempt(Delivery.SENT, ref, 0);
        }

        static Attempt of(Delivery delivery) {
            return new Attempt(delivery, null, 0);
        }

        static Attempt retry(long afterMillis) {
            return new Attempt(Delivery.RETRY, null, afterMillis);
        }
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private interface Call {
        Message run() throws TelegramApiException;
    }

    private final TelegramClient client;
    private final AccessService access;
    private final Sleeper sleeper;
    private final SendPacer pacer;
    private final LongSupplier nanoTime;
    /** Until when Telegram asked this bot to send nothing (its last 429's retry_after), in nanoTime. */
    private volatile long pausedUntil;

    TelegramSender(TelegramClient client, AccessService access, Sleeper sleeper, SendPacer pacer) {
        this(client, access, sleeper, pacer, System::nanoTime);
    }

    TelegramSender(TelegramClient client, AccessService access, Sleeper sleeper, SendPacer pacer, LongSupplier nanoTime) {
        this.client = client;
        this.access = access;
        this.sleeper = sleeper;
        this.pacer = pacer;
        this.nanoTime = nanoTime;
        this.pausedUntil = nanoTime.getAsLong();
    }

    /**
     * A member and the private chat they wrote from a moment ago. A private chat's id is its user's and the member
     * just reached the bot from it, so it needs no looking up (a lookup cost a transaction per message).
     */
    record KnownChat(long memberId, long chat) {

        Long chatOf(Recipient to) {
            return to instanceof Recipient.ToMember member && member.memberId() == memberId ? Long.valueOf(chat) : null;
        }
    }

    /** One attempt; may wait for the pacing, never for a retry. */
    Attempt send(Outbound message) {
        return send(message, null);
    }

    /** One attempt, to {@code known}'s chat when the message is for them. */
    Attempt send(Outbound message, KnownChat known) {
        Long chat = known == null ? null : known.chatOf(message.to());
        if (chat == null) {
            chat = chatOf(message.to());
        }
        if (chat == null) {
            return Attempt.of(Delivery.UNREACHABLE);
        }
        long chatId = chat;
        if (message.attachment() != null) {
            return attempt("sendDocument", chatId, () -> client.execute(SendDocument.builder()
                    .chatId(chatId)
                    .document(new InputFile(new ByteArrayInputStream(message.attachment().content()), message.attachment().fileName()))
                    .caption(message.text())
                    .build()));
        }
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder().chatId(chatId).text(message.text());
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
        return attempt("sendMessage", chatId, () -> client.execute(send));
    }

    /** How long Telegram still wants this bot to send nothing (after a 429), in milliseconds; 0 when it may send. */
    long pausedForMillis() {
        long left = pausedUntil - nanoTime.getAsLong();
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000L);
    }

    /** The Telegram chat of a recipient; null when the member has no reachable Telegram chat. */
    private Long chatOf(Recipient to) {
        if (to instanceof Recipient.ToAddress at) {
            return UpdateMapper.CHANNEL.equals(at.channel()) ? Long.valueOf(at.address()) : null;
        }
        long memberId = ((Recipient.ToMember) to).memberId();
        return access.reachableAddress(memberId, UpdateMapper.CHANNEL).map(Long::valueOf).orElse(null);
    }

    /**
     * Stops the spinner on a pressed button. Not durable, on purpose: it is only worth something within seconds of
     * the press, and Telegram forgets the query soon after; a late or lost answer costs a spinner, nothing more.
     */
    void answerButton(String callbackQueryId, String notice) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> builder = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId);
        if (notice != null && !notice.isBlank()) {
            builder.text(notice.length() > 200 ? notice.substring(0, 199) + "…" : notice);
        }
        try {
            client.execute(builder.build());
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
    }

    /**
     * A message that is not in the outbox, sent once: only the apology for an update that could not be handled,
     * which has nothing stored to be durable with (see {@link UpdateConsumer}).
     */
    void sendOnce(Outbound message) {
        Attempt attempt = send(message);
        if (attempt.delivery() != Delivery.SENT) {
            log.info("A message outside the outbox was not sent: {}", attempt.delivery());
        }
    }

    private Attempt attempt(String method, long chatId, Call call) {
        long paused = pausedForMillis();
        if (paused > 0) {
            return Attempt.retry(paused);
        }
        pause(pacer.reserve(chatId) / 1_000_000L);
        try {
            Message sent = call.run();
            return Attempt.sent(sent == null || sent.getMessageId() == null ? null : UpdateMapper.messageRef(chatId, sent.getMessageId()));
        } catch (TelegramApiValidationException e) {
            log.error("Refused to send {} to chat {}: {}", method, chatId, e.getMessage());
            return Attempt.of(Delivery.REFUSED);
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 429) {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                long waitMillis = retryAfter == null ? 1_000 : retryAfter * 1000L;
                pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + waitMillis * 1_000_000L);
                log.info("Telegram asked to slow down ({} s) sending to chat {}", retryAfter, chatId);
                return Attempt.retry(waitMillis);
            }
            if (code != null && code == 403) {
                access.markUnreachable(UpdateMapper.CHANNEL, String.valueOf(chatId));
                log.info("Chat {} does not accept messages from the bot: {}", chatId, e.getApiResponse());
                return Attempt.of(Delivery.UNREACHABLE);
            }
            if (code != null && code >= 400 && code < 500) {
                log.error("Telegram refused {} to chat {}: {} {}", method, chatId, code, e.getApiResponse());
                return Attempt.of(Delivery.REFUSED);
            }
            log.warn("Telegram failed {} to chat {}: {} {}", method, chatId, code, e.getApiResponse());
            return Attempt.retry(0);
        } catch (TelegramApiException e) {
            log.warn("Telegram unreachable for {} to chat {}: {}", method, chatId, e.getMessage());
            return Attempt.retry(0);
        }
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
