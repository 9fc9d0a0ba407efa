package vn.communereport.web.login;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.communereport.web.session.LoginLinks;
import vn.communereport.web.session.LoginLinks.Spent;
import vn.communereport.web.session.LoginLinks.State;
import vn.communereport.web.session.Pages;
import vn.communereport.web.session.SessionCookie;
import vn.communereport.web.session.Sessions;
import vn.communereport.web.session.WebSettings;

/**
 * The login link the bot sends. Opening it (GET) spends nothing, since Telegram and other apps fetch links to show a
 * preview; it shows one button, whose POST spends the link once, opens the session and goes to the person's start
 * page. A used, expired or unknown link gets a page that says so and how to get a new one.
 */
@Controller
class LoginController {

    private final LoginLinks links;
    private final Pages pages;
    private final WebSettings settings;

    LoginController(LoginLinks links, Pages pages, WebSettings settings) {
        this.links = links;
        this.pages = pages;
        this.settings = settings;
    }

    @GetMapping("/login/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) throws java.io.IOException {
        noTraces(response);
        State state = links.look(token);
        if (state != State.USABLE) {
            refuse(response, state, false);
            return null;
        }
        model.addAttribute("token", token);
        return "auth/login";
    }

    @PostMapping("/login/{token}")
    void spend(@PathVariable String token, HttpServletResponse response) throws java.io.IOException {
        noTraces(response);
        Spent spent = links.spend(token);
        if (spent.opened() == null) {
            refuse(response, spent.state(), spent.memberInactive());
            return;
        }
        SessionCookie.set(response, spent.opened().token(), settings.sessionValidity());
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", Sessions.home(spent.opened().principal()));
    }

    private void refuse(HttpServletResponse response, State state, boolean memberInactive) throws java.io.IOException {
        if (memberInactive) {
            pages.send(response, HttpServletResponse.SC_FORBIDDEN, "web.link.not-member");
        } else if (state == State.USED) {
            pages.send(response, HttpServletResponse.SC_GONE, "web.link.used");
        } else if (state == State.EXPIRED) {
            pages.send(response, HttpServletResponse.SC_GONE, "web.link.expired");
        } else {
            pages.send(response, HttpServletResponse.SC_NOT_FOUND, "web.link.unknown");
        }
    }

    /** The token is in the address: no other site may see it, no cache may keep the page. */
    private static void noTraces(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
