package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.List;

import vn.communereport.access.Member;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Outbound;
import vn.communereport.report.GeneratedFile;

/** What a turn collects: the messages to send and the notice on the pressed button. */
final class Turn {
    final Inbound in;
    final List<Outbound> out = new ArrayList<>();
    String notice;
    Member member;
    ConversationState state;

    Turn(Inbound in) {
        this.in = in;
    }

    void say(String text, List<List<Button>> buttons) {
        out.add(new Outbound(in.chatId(), text, buttons));
    }

    void say(String text) {
        say(text, List.of());
    }

    /** A generated file for this person, with its one-line caption. */
    void attach(GeneratedFile file) {
        String caption = file.caption() == null ? "" : Screens.shorten(file.caption(), 1000);
        out.add(Outbound.document(in.chatId(), file.fileName(), file.content(), caption));
    }

    void tell(long chatId, String text, List<List<Button>> buttons) {
        out.add(new Outbound(chatId, text, buttons));
    }
}
