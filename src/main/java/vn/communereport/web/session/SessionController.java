package vn.communereport.web.session;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.communereport.web.WebPrincipal;

/**
 * The session itself: who it signs in (with the CSRF token a page's script needs for its changes) and signing out.
 * Both are under {@code /app/}, so the session filter has checked the cookie, and for signing out the CSRF token.
 */
@Controller
class SessionController {

    private final Sessions sessions;
    private final Pages pages;

    SessionController(Sessions sessions, Pages pages) {
        this.sessions = sessions;
        this.pages = pages;
    }

    @GetMapping(path = "/app/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> session(WebPrincipal principal, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", principal.memberId());
        body.put("communeCode", principal.communeCode());
        body.put("officeAdmin", principal.officeAdmin());
        body.put("csrfToken", principal.csrfToken());
        body.put("home", Sessions.home(principal));
        return body;
    }

    @PostMapping("/app/logout")
    void logout(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        sessions.close(SessionCookie.read(request));
        SessionCookie.clear(response);
        pages.send(response, HttpServletResponse.SC_OK, "web.logged-out");
    }
}
