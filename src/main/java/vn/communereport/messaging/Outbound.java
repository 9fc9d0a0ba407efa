package vn.communereport.messaging;

import java.util.List;

/**
 * A message for one chat: plain text (no markup, so nothing a person typed can break it) and buttons, or a
 * file with the text as its caption.
 */
public record Outbound(long chatId, String text, List<List<Button>> buttons, Attachment attachment) {

    public record Button(String label, String data) {
    }

    /** A file sent as a document. */
    public record Attachment(String fileName, byte[] content) {
    }

    public Outbound {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Outbound(long chatId, String text, List<List<Button>> buttons) {
        this(chatId, text, buttons, null);
    }

    public static Outbound plain(long chatId, String text) {
        return new Outbound(chatId, text, List.of());
    }

    public static Outbound document(long chatId, String fileName, byte[] content, String caption) {
        return new Outbound(chatId, caption, List.of(), new Attachment(fileName, content));
    }
}
