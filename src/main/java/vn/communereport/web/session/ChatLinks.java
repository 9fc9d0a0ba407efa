package vn.communereport.web.session;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.Member;
import vn.communereport.conversation.WebLinks;

/** The web channel's side of the chat's {@code /web} and Mini App buttons. */
@Component
class ChatLinks implements WebLinks {

    private final LoginLinks links;
    private final PublicUrl publicUrl;
    private final WebSettings settings;

    ChatLinks(LoginLinks links, PublicUrl publicUrl, WebSettings settings) {
        this.links = links;
        this.publicUrl = publicUrl;
        this.settings = settings;
    }

    @Override
    public String loginLink(Member member) {
        return publicUrl.base() + "/login/" + links.create(member);
    }

    @Override
    public Duration loginLinkValidity() {
        return settings.loginLinkValidity();
    }

    @Override
    public Optional<String> miniAppUrl() {
        return publicUrl.https() ? Optional.of(publicUrl.base() + "/miniapp") : Optional.empty();
    }

    @Override
    public Optional<String> approvalPageUrl() {
        if (!publicUrl.configured()) {
            return Optional.empty();
        }
        return Optional.of(publicUrl.base() + (publicUrl.https() ? "/miniapp?next=approval" : "/app/approval"));
    }
}
