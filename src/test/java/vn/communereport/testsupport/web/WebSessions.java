package vn.communereport.testsupport.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.conversation.WebLinks;
import vn.communereport.testsupport.BotProcess;

/**
 * Signs a member in to the running application over real HTTP, the way a person does: a login link as /web makes it,
 * its button's POST, the cookie it sets, then {@code /app/session} for the CSRF token. For Selenium tests: add the
 * cookie to the browser ({@code new Cookie(SignedIn.COOKIE, signedIn.sessionToken())}) after opening any page of
 * {@link #baseUrl}.
 */
public final class WebSessions {

    private static final Pattern SET_COOKIE = Pattern.compile(SignedIn.COOKIE + "=([A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([A-Za-z0-9_-]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WebSessions() {
    }

    /** http://localhost:PORT of the running application (tests run it on a free port). */
    public static String baseUrl(BotProcess bot) {
        return "http://localhost:" + bot.bean(Environment.class).getProperty("local.server.port");
    }

    /** The active member behind a Telegram user id. */
    public static Member telegramMember(BotProcess bot, long telegramUserId) {
        String id = String.valueOf(telegramUserId);
        return bot.bean(AccessService.class).find(new ChannelIdentity("telegram", id, id))
                .orElseThrow(() -> new AssertionError("no active member for Telegram user " + telegramUserId));
    }

    /** Signs in the member behind this Telegram user. */
    public static SignedIn signIn(BotProcess bot, long telegramUserId) {
        return signIn(bot, telegramMember(bot, telegramUserId));
    }

    public static SignedIn signIn(BotProcess bot, Member member) {
        String link = bot.bean(WebLinks.class).loginLink(member);
        String path = URI.create(link).getPath();
        return spend(baseUrl(bot) + path);
    }

    /** Spends a login link (as the page's button does) and reads the session's CSRF token. */
    public static SignedIn spend(String loginLink) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(loginLink)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (login.statusCode() != 303) {
            throw new AssertionError("login link answered " + login.statusCode() + ": " + login.body());
        }
        String token = sessionToken(login.headers().allValues("set-cookie"));
        URI base = URI.create(loginLink).resolve("/app/session");
        HttpResponse<String> session = send(HttpRequest.newBuilder(base).header("Cookie", SignedIn.COOKIE + "=" + token).GET().build());
        Matcher csrf = CSRF.matcher(session.body());
        if (session.statusCode() != 200 || !csrf.find()) {
            throw new AssertionError("/app/session answered " + session.statusCode() + ": " + session.body());
        }
        return new SignedIn(token, csrf.group(1));
    }

    /** The session token from Set-Cookie headers; fails when there is none. */
    public static String sessionToken(List<String> setCookies) {
        for (String header : setCookies) {
            Matcher m = SET_COOKIE.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + SignedIn.COOKIE + " cookie in " + setCookies);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
