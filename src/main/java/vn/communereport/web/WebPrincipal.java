package vn.communereport.web;

/**
 * Who makes a web request, as their session proved it (a Mini App launch checked against Telegram's signature, or
 * a single-use login link the bot sent). The session filter puts it on every request under {@code /app/} as the
 * request attribute {@link #ATTRIBUTE}; controllers take it from there and trust nothing else the page sends.
 * {@code csrfToken} is the session's: every change a page posts carries it back.
 */
public record WebPrincipal(long memberId, String communeCode, boolean officeAdmin, String csrfToken) {

    public static final String ATTRIBUTE = WebPrincipal.class.getName();
}
