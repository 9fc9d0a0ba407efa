package vn.communereport.province.chat;

import java.util.ArrayList;
import java.util.List;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Recipient;
import vn.communereport.report.GeneratedFile;

/** What one step says: to the province administrator, at the address they wrote from, and to others. */
final class Say {

    /** Telegram's limit is 4,096 characters; a long list is cut at a line under it. */
    static final int MESSAGE_LENGTH = 4000;

    final List<Outbound> out = new ArrayList<>();
    String notice;
    private final Recipient asker;

    Say(ChannelIdentity from) {
        this.asker = Recipient.address(from.channel(), from.address());
    }

    void text(String text) {
        text(text, List.of());
    }

    /** The text, in pieces of whole lines when it is long; the buttons go under the last piece. */
    void text(String text, List<List<Button>> buttons) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (piece.length() > 0 && piece.length() + 1 + line.length() > MESSAGE_LENGTH) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            if (piece.length() > 0) {
                piece.append('\n');
            }
            piece.append(line.length() > MESSAGE_LENGTH ? line.substring(0, MESSAGE_LENGTH) : line);
        }
        pieces.add(piece.toString());
        for (int i = 0; i < pieces.size(); i++) {
            out.add(new Outbound(asker, pieces.get(i), i == pieces.size() - 1 ? buttons : List.of()));
        }
    }

    void attach(GeneratedFile file) {
        String caption = file.caption() == null ? "" : file.caption();
        out.add(Outbound.document(asker, file.fileName(), file.content(), caption.length() > 1000 ? caption.substring(0, 1000) : caption));
    }

    void tell(long memberId, String text) {
        out.add(new Outbound(Recipient.member(memberId), text, List.of()));
    }
}
