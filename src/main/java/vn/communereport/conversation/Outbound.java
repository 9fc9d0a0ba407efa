package vn.communereport.conversation;

import java.util.List;

/** A message for one chat: plain text (no markup, so nothing a person typed can break it) and buttons. */
public record Outbound(long chatId, String text, List<List<Button>> buttons) {

    public record Button(String label, String data) {
    }

    public Outbound {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static Outbound plain(long chatId, String text) {
        return new Outbound(chatId, text, List.of());
    }
}
