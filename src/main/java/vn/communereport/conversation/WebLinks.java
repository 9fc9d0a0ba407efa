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
}
