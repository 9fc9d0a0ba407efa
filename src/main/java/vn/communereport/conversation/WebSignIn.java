package vn.communereport.conversation;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Texts;

/** {@code /web}: a single-use link that opens the same work in a browser, for a computer or a larger screen. */
@Component
class WebSignIn {

    private final Optional<WebLinks> links;
    private final Texts texts;

    WebSignIn(Optional<WebLinks> links, Texts texts) {
        this.links = links;
        this.texts = texts;
    }

    void link(Turn turn, String argument) {
        if (links.isEmpty()) {
            turn.say(texts.get("web.command.unavailable"));
            return;
        }
        String link = links.get().loginLink(turn.member);
        turn.say(texts.get("web.command.link", link, links.get().loginLinkValidity().toMinutes()));
    }
}
