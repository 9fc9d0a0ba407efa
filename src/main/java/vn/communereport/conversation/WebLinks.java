package vn.communereport.conversation;

import java.time.Duration;
import java.util.Optional;

import vn.communereport.access.Member;

/** The web channel's addresses the chat hands out: a single-use login link, and the Mini App when Telegram can open it. */
public interface WebLinks {

    /** A new single-use link that opens a web session as this member, valid for {@link #loginLinkValidity()}. */
    String loginLink(Member member);

    Duration loginLinkValidity();

    /** The Mini App's address; empty unless the application is reached over HTTPS, which Telegram requires. */
    Optional<String> miniAppUrl();

    /**
     * Where a head approves in the browser, only where {@code APP_PUBLIC_URL} is set: over HTTPS the Mini App that opens
     * on the approval page, over HTTP the page itself (signed in by {@code /web}'s link).
     */
    default Optional<String> approvalPageUrl() {
        return Optional.empty();
    }
}
