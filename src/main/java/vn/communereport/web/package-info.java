/**
 * The web channel: the same answers as the chat, on a page (the Mini App inside Telegram, or any browser).
 *
 * <p>This part is the sign-in every page stands on. {@code web.miniapp}: Telegram's signed launch data checked by
 * {@code InitDataValidator} (no channel, no HTTP: a string and a clock in, a verdict out) and the Mini App's entry
 * page; {@code web.login}: the single-use links {@code /web} sends (looking spends nothing, the button's POST does);
 * {@code web.session}: sessions and links in the database (hashes of tokens only), the cookie, and {@code SessionFilter},
 * which lets a request under {@code /app/} through only with an open session of an active member, checks the CSRF token
 * of every change, and hands controllers a {@link vn.communereport.web.WebPrincipal} (a controller parameter of that
 * type is always the filter's, never bound from the request); {@code web.limits}: body and upload sizes;
 * {@code web.start}: the start without a bot token, which prints the office's way in.
 *
 * <p>The chat reaches this part only through {@code conversation.WebLinks} (a login link, the Mini App's address).
 */
package vn.communereport.web;
