package vn.communereport.web.miniapp;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.messaging.Texts;
import vn.communereport.web.miniapp.InitDataValidator.Result;
import vn.communereport.web.session.SessionCookie;
import vn.communereport.web.session.Sessions;
import vn.communereport.web.session.WebSettings;

/**
 * The Mini App's entry. Telegram opens {@code /miniapp} with the signed launch data in the URL fragment; the page's few
 * lines of script post it to {@code /miniapp/session}, which trusts it only once its signature and age check out
 * ({@link InitDataValidator}), finds the active member behind the Telegram user, opens a session and says where to
 * go. Everyone else is told, in Vietnamese, why not, and gets no session.
 */
@Controller
class MiniAppController {

    /** The Telegram edge's name for its channel, under which members' Telegram users are stored. */
    static final String TELEGRAM = "telegram";

    private final InitDataValidator validator;
    private final AccessService access;
    private final Sessions sessions;
    private final WebSettings settings;
    private final Texts texts;

    MiniAppController(@Value("${telegram.bot-token:}") String botToken, WebSettings settings, Clock clock, AccessService access,
                      Sessions sessions, Texts texts) {
        this.validator = new InitDataValidator(botToken, settings.initDataMaxAge(), clock);
        this.access = access;
        this.sessions = sessions;
        this.settings = settings;
        this.texts = texts;
    }

    @GetMapping("/miniapp")
    String page(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return "auth/miniapp";
    }

    @PostMapping(path = "/miniapp/session", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> open(@RequestParam(name = "initData", required = false) String initData,
                                             HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        Result result = validator.validate(initData);
        if (!result.valid()) {
            return refuse(result.verdict());
        }
        String userRef = String.valueOf(result.userId());
        ChannelIdentity who = new ChannelIdentity(TELEGRAM, userRef, userRef);
        Optional<Member> member = access.find(who);
        if (member.isEmpty() && access.memberships(who).size() > 1) {
            // Several memberships and none chosen: the session would have to pick one for them.
            return answer(HttpStatus.CONFLICT, "communes.choose-membership-web");
        }
        if (member.isEmpty()) {
            return answer(HttpStatus.FORBIDDEN, "web.miniapp.stranger");
        }
        Sessions.Opened opened = sessions.open(member.get(), Sessions.MINI_APP);
        SessionCookie.set(response, opened.token(), settings.sessionValidity());
        return ResponseEntity.ok(Map.of("redirect", Sessions.home(opened.principal())));
    }

    private ResponseEntity<Map<String, String>> refuse(InitDataValidator.Verdict verdict) {
        if (verdict == InitDataValidator.Verdict.NOT_CONFIGURED) {
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "web.miniapp.no-telegram");
        }
        if (verdict == InitDataValidator.Verdict.EXPIRED || verdict == InitDataValidator.Verdict.FROM_THE_FUTURE) {
            return answer(HttpStatus.UNAUTHORIZED, "web.miniapp.expired");
        }
        return answer(HttpStatus.UNAUTHORIZED, "web.miniapp.unverified");
    }

    private ResponseEntity<Map<String, String>> answer(HttpStatus status, String key) {
        return ResponseEntity.status(status).body(Map.of("message", texts.get(key)));
    }
}
