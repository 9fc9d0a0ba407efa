package vn.communereport.web.session;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookie: HttpOnly (no script reads it), Secure (sent over HTTPS only; browsers treat localhost as
 * secure), SameSite=Lax (not sent on another site's form posts), Path=/, for as long as the session lasts.
 */
public final class SessionCookie {

    public static final String NAME = "cr_session";

    private SessionCookie() {
    }

    public static void set(HttpServletResponse response, String token, Duration validity) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, validity).toString());
    }

    public static void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
    }
}
