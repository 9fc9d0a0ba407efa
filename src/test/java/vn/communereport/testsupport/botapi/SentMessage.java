package vn.communereport.testsupport.botapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One version of a message the bot put in a chat: the original send, or the state after an edit.
 * Immutable; an edit produces a new SentMessage with {@link #version()} + 1 and the same {@link #messageId()}.
 */
public final class SentMessage {

    /**
     * One inline keyboard button as Telegram stored it.
     *
     * @param callbackData null unless this is a callback button
     * @param url          null unless this is a URL button
     * @param json         the button exactly as Telegram echoes it back
     */
    public record Button(String text, String callbackData, String url, Map<String, Object> json) {
        public Button {
            json = Map.copyOf(json);
        }

        @Override
        public String toString() {
            return "[" + text + (callbackData != null ? " -> " + callbackData : url != null ? " -> " + url : "") + "]";
        }
    }

    /** How the version came about. */
    public enum Kind { SENT, EDITED }

    private final long chatId;
    private final int messageId;
    private final int version;
    private final Kind kind;
    private final String method;
    private final String text;
    private final String rawText;
    private final String parseMode;
    private final List<MessageEntity> entities;
    private final List<List<Button>> inlineKeyboard;
    private final Map<String, Object> replyMarkup;
    private final SentDocument document;
    private final Instant date;
    private final Instant editDate;
    private final Map<String, Object> json;
    /** System.nanoTime() when the stand-in recorded this version: made under its lock, as the bot's call is answered. */
    private final long arrivedNanos = System.nanoTime();

    SentMessage(long chatId, int messageId, int version, Kind kind, String method, String text, String rawText,
                String parseMode, List<MessageEntity> entities, List<List<Button>> inlineKeyboard,
                Map<String, Object> replyMarkup, SentDocument document, Instant date, Instant editDate,
                Map<String, Object> json) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.version = version;
        this.kind = kind;
        this.method = method;
        this.text = text;
        this.rawText = rawText;
        this.parseMode = parseMode;
        this.entities = List.copyOf(entities);
        this.inlineKeyboard = inlineKeyboard == null ? List.of() : inlineKeyboard.stream().map(List::copyOf).toList();
        this.replyMarkup = replyMarkup;
        this.document = document;
        this.date = date;
        this.editDate = editDate;
        this.json = json;
    }

    public long chatId() {
        return chatId;
    }

    public int messageId() {
        return messageId;
    }

    /** 0 for the message as first sent, 1 after the first edit, ... */
    public int version() {
        return version;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isEdit() {
        return kind == Kind.EDITED;
    }

    /** The Bot API method that produced this version (sendMessage, editMessageText, ...), as the bot spelled it. */
    public String method() {
        return method;
    }

    /** What the user reads: markup removed, trimmed, as Telegram stores it. For a document, its caption ("" if none). */
    public String text() {
        return text;
    }

    /** The text/caption parameter exactly as the bot sent it (markup included). */
    public String rawText() {
        return rawText;
    }

    /** parse_mode as sent, or null. */
    public String parseMode() {
        return parseMode;
    }

    public List<MessageEntity> entities() {
        return entities;
    }

    /** Rows of inline buttons; empty when the message has no inline keyboard. */
    public List<List<Button>> inlineKeyboard() {
        return inlineKeyboard;
    }

    public boolean hasInlineKeyboard() {
        return !inlineKeyboard.isEmpty();
    }

    public List<Button> buttons() {
        return inlineKeyboard.stream().flatMap(List::stream).toList();
    }

    /** callback_data of every callback button, row by row. */
    public List<String> buttonData() {
        return buttons().stream().map(Button::callbackData).filter(Objects::nonNull).toList();
    }

    public List<String> buttonTexts() {
        return buttons().stream().map(Button::text).toList();
    }

    public boolean hasButton(String callbackData) {
        return buttonData().contains(callbackData);
    }

    public Optional<Button> buttonWithText(String text) {
        return buttons().stream().filter(b -> b.text().equals(text)).findFirst();
    }

    /** The reply_markup the bot sent (any kind: inline, reply keyboard, remove_keyboard, force_reply), or null. */
    public Map<String, Object> replyMarkup() {
        return replyMarkup;
    }

    public boolean isDocument() {
        return document != null;
    }

    public SentDocument document() {
        return document;
    }

    public Instant date() {
        return date;
    }

    /** When this version was made by an edit, else null. */
    public Instant editDate() {
        return editDate;
    }

    /**
     * {@link System#nanoTime()} when this version arrived at the stand-in (the send or edit was accepted), for latency
     * measurements against {@link FakeBotApi#servedNanos(long)}.
     */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    /** The Message object as the Bot API returned it for this version. */
    public Map<String, Object> json() {
        return java.util.Collections.unmodifiableMap(json);
    }

    @Override
    public String toString() {
        String body = document != null ? document + (text.isEmpty() ? "" : " caption=\"" + text + "\"") : "\"" + text + "\"";
        String keyboard = inlineKeyboard.isEmpty() ? ""
                : " " + inlineKeyboard.stream().map(row -> row.stream().map(Button::toString).collect(Collectors.joining()))
                .collect(Collectors.joining(" / "));
        return "#" + messageId + (version > 0 ? " v" + version : "") + " " + body + keyboard;
    }
}
