package vn.communereport.testsupport.web;

import jakarta.servlet.http.Cookie;

/**
 * A web session for tests: the session cookie's value (name {@link #COOKIE}) and the CSRF token its changes must carry
 * (header {@code X-CSRF-Token} or form field {@code _csrf}).
 */
public record SignedIn(String sessionToken, String csrfToken) {

    public static final String COOKIE = "cr_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** For MockMvc: {@code .cookie(signedIn.cookie())}. */
    public Cookie cookie() {
        return new Cookie(COOKIE, sessionToken);
    }

    /** For java.net.http: {@code .header("Cookie", signedIn.cookieHeader())}. */
    public String cookieHeader() {
        return COOKIE + "=" + sessionToken;
    }
}
