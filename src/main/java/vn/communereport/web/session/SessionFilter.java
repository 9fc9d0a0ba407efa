package vn.communereport.web.session;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import vn.communereport.web.WebPrincipal;

/**
 * Guards everything under {@code /app/}: a request passes only with the cookie of an open session of an active member,
 * and is then given its {@link WebPrincipal} (request attribute {@link WebPrincipal#ATTRIBUTE}). A request that would
 * change something (POST, PUT, PATCH, DELETE) must also carry the session's CSRF token, in the {@code X-CSRF-Token}
 * header or the {@code _csrf} form field; without it nothing behind the filter runs.
 */
public class SessionFilter extends OncePerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Sessions sessions;
    private final Pages pages;

    public SessionFilter(Sessions sessions, Pages pages) {
        this.sessions = sessions;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = SessionCookie.read(request);
        Optional<WebPrincipal> principal = token == null ? Optional.empty() : sessions.find(token);
        if (principal.isEmpty()) {
            if (token != null) {
                SessionCookie.clear(response);
            }
            pages.send(response, HttpServletResponse.SC_UNAUTHORIZED, "web.signed-out");
            return;
        }
        if (CHANGES.contains(request.getMethod()) && !Tokens.sameInConstantTime(principal.get().csrfToken(), csrfToken(request))) {
            pages.send(response, HttpServletResponse.SC_FORBIDDEN, "web.csrf");
            return;
        }
        request.setAttribute(WebPrincipal.ATTRIBUTE, principal.get());
        chain.doFilter(request, response);
    }

    private static String csrfToken(HttpServletRequest request) {
        String header = request.getHeader(CSRF_HEADER);
        return header != null ? header : request.getParameter(CSRF_FIELD);
    }
}
