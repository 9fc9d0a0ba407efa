package vn.communereport.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import vn.communereport.access.Member;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.report.GeneratedFile;

/** One person's step: who they are, where they are, and what is to be said, to them and to others. */
final class Turn {
    final Inbound in;
    final List<Outbound> out = new ArrayList<>();
    String notice;
    Member member;
    ConversationState state;
    ReportScope scope;

    Turn(Inbound in) {
        this.in = in;
    }

    /** Whom this turn answers: the member once known, else the address the stranger wrote from. */
    Recipient asker() {
        return member != null ? Recipient.member(member.getId()) : Recipient.address(in.from().channel(), in.from().address());
    }

    void say(String text, List<List<Button>> buttons) {
        out.add(new Outbound(asker(), text, buttons));
    }

    void say(String text) {
        say(text, List.of());
    }

    /** A message that asks a question, so a reply to it can be read as its answer. */
    void ask(String text, List<List<Button>> buttons, String topic) {
        out.add(new Outbound(asker(), text, buttons).about(topic));
    }

    /** A generated file for this person, with its one-line caption. */
    void attach(GeneratedFile file) {
        String caption = file.caption() == null ? "" : Screens.shorten(file.caption(), 1000);
        out.add(Outbound.document(asker(), file.fileName(), file.content(), caption));
    }

    void attach(String fileName, byte[] content, String caption) {
        out.add(Outbound.document(asker(), fileName, content, caption));
    }

    void tell(Member someone, String text, List<List<Button>> buttons) {
        out.add(new Outbound(Recipient.member(someone.getId()), text, buttons));
    }

    /** Tells each of them but the person acting; whether someone can be reached is the channel's business. */
    void tellOthers(Collection<Member> people, String text, List<List<Button>> buttons) {
        for (Member someone : people) {
            if (!someone.getId().equals(member.getId())) {
                tell(someone, text, buttons);
            }
        }
    }

    void tellAll(Collection<Member> people, String text, List<List<Button>> buttons) {
        people.forEach(someone -> tell(someone, text, buttons));
    }

    boolean isOfficeAdmin() {
        return member.isOfficeAdmin();
    }
}
