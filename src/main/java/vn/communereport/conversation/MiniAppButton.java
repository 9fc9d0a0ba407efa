package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;

/**
 * «📝 Mở biểu mẫu»: the button that opens the department's whole form as a Mini App, where a member meets it (joining,
 * /web, /trogiup). Only when the web channel is reachable over HTTPS: Telegram opens nothing else.
 */
@Component
class MiniAppButton {

    private final Optional<WebLinks> links;
    private final Texts texts;

    MiniAppButton(Optional<WebLinks> links, Texts texts) {
        this.links = links;
        this.texts = texts;
    }

    /** One row with the button, or no rows. */
    List<List<Button>> rows() {
        return links.flatMap(WebLinks::miniAppUrl).map(url -> List.of(List.of(Button.webApp(texts.get("web.button.open-form"), url))))
                .orElse(List.of());
    }
}
