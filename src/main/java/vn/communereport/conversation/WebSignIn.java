package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/** {@code /web}: a single-use link that opens the same work in a browser, for a computer or a larger screen. */
@Component
class WebSignIn {

    private final Optional<WebLinks> links;
    private final MiniAppButton miniApp;
    private final Texts texts;

    WebSignIn(Optional<WebLinks> links, MiniAppButton miniApp, Texts texts) {
        this.links = links;
        this.miniApp = miniApp;
        this.texts = texts;
    }

    /** The Mini App's button for other screens that offer it (/trogiup), or no rows. */
    List<List<Button>> openFormRows() {
        return miniApp.rows();
    }

    void link(Turn turn, String argument) {
        if (links.isEmpty()) {
            turn.say(texts.get("web.command.unavailable"));
            return;
        }
        String link = links.get().loginLink(turn.member);
        // In Telegram itself the Mini App is one tap away; the link is for a browser elsewhere.
        turn.say(texts.get("web.command.link", link, links.get().loginLinkValidity().toMinutes()), miniApp.rows());
    }
}
