package vn.communereport.messaging;

import java.util.List;

/**
 * A message for one recipient: plain text (no markup, so nothing a person typed can break it) and buttons, or a
 * file with the text as its caption. {@code topic} names what the message asks about (a question), so that a
 * person's reply to this very message can later be matched to it; null when it asks nothing.
 */
public record Outbound(Recipient to, String text, List<List<Button>> buttons, Attachment attachment, String topic) {

    /**
     * A button under the message: a callback button with its {@code data} (what the chat reads back when it is
     * pressed), or, with {@code webAppUrl}, one that opens that page as the channel's web app (Telegram's Mini App).
     */
    public record Button(String label, String data, String webAppUrl) {

        public Button(String label, String data) {
            this(label, data, null);
        }

        public static Button webApp(String label, String url) {
            return new Button(label, "", url);
        }

        public boolean opensWebApp() {
            return webAppUrl != null;
        }
    }

    /** A file sent as a document. */
    public record Attachment(String fileName, byte[] content) {
    }

    public Outbound {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Outbound(Recipient to, String text, List<List<Button>> buttons) {
        this(to, text, buttons, null, null);
    }

    public static Outbound plain(Recipient to, String text) {
        return new Outbound(to, text, List.of());
    }

    public static Outbound document(Recipient to, String fileName, byte[] content, String caption) {
        return new Outbound(to, caption, List.of(), new Attachment(fileName, content), null);
    }

    public Outbound about(String topic) {
        return new Outbound(to, text, buttons, attachment, topic);
    }
}
