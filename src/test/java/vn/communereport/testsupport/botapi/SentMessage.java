package vn.communereport.testsupport.botapi;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A message the bot put in a chat (sendMessage or sendDocument). Immutable: the bot never edits its messages. */
public final class SentMessage {

    /**
     * One inline keyboard button as Telegram stored it: a callback button, or (with {@code webAppUrl}, and
     * {@code callbackData} "") one that opens a Mini App.
     */
    public record Button(String text, String callbackData, String webAppUrl) {

        public Button(String text, String callbackData) {
            this(text, callbackData, null);
        }

        public boolean opensWebApp() {
            return webAppUrl != null;
        }

        Map<String, Object> json() {
            return opensWebApp() ? Map.of("text", text, "web_app", Map.of("url", webAppUrl)) : Map.of("text", text, "callback_data", callbackData);
        }

        @Override
        public String toString() {
            return "[" + text + " -> " + (opensWebApp() ? "web_app " + webAppUrl : callbackData) + "]";
        }
    }

    private final long chatId;
    private final int messageId;
    private final String method;
    private final String text;
    private final String rawText;
    private final List<List<Button>> inlineKeyboard;
    private final SentDocument document;
    private final Instant date;
    private final Map<String, Object> json;
    /** System.nanoTime() when the stand-in recorded this message: made under its lock, as the bot's call is answered. */
    private final long arrivedNanos = System.nanoTime();

    SentMessage(long chatId, int messageId, String method, String text, String rawText, List<List<Button>> inlineKeyboard,
                SentDocument document, Instant date, Map<String, Object> json) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.method = method;
        this.text = text;
        this.rawText = rawText;
        this.inlineKeyboard = inlineKeyboard.stream().map(List::copyOf).toList();
        this.document = document;
        this.date = date;
        this.json = json;
    }

    public long chatId() {
        return chatId;
    }

    public int messageId() {
        return messageId;
    }

    /** The Bot API method that produced this message (sendMessage, sendDocument), as the bot spelled it. */
    public String method() {
        return method;
    }

    /** What the user reads: trimmed and cleaned as Telegram stores it. For a document, its caption ("" if none). */
    public String text() {
        return text;
    }

    /** The text/caption parameter exactly as the bot sent it. */
    public String rawText() {
        return rawText;
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

    /** callback_data of every button, row by row. */
    public List<String> buttonData() {
        return buttons().stream().map(Button::callbackData).toList();
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

    public boolean isDocument() {
        return document != null;
    }

    public SentDocument document() {
        return document;
    }

    public Instant date() {
        return date;
    }

    /**
     * {@link System#nanoTime()} when this message arrived at the stand-in (the send was accepted), for latency
     * measurements against {@link FakeBotApi#servedNanos(long)}.
     */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    /** The Message object as the Bot API returned it. */
    public Map<String, Object> json() {
        return Collections.unmodifiableMap(json);
    }

    @Override
    public String toString() {
        String body = document != null ? document + (text.isEmpty() ? "" : " caption=\"" + text + "\"") : "\"" + text + "\"";
        String keyboard = inlineKeyboard.isEmpty() ? ""
                : " " + inlineKeyboard.stream().map(row -> row.stream().map(Button::toString).collect(Collectors.joining()))
                .collect(Collectors.joining(" / "));
        return "#" + messageId + " " + body + keyboard;
    }
}
