package vn.communereport.web.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.web.WebPrincipal;

/** Web sessions in the database: opened for a member, found by the cookie's token while open and the member active. */
@Service
public class Sessions {

    public static final String MINI_APP = "miniapp";
    public static final String LOGIN_LINK = "link";

    private final WebSessionRepository sessions;
    private final AccessService access;
    private final WebSettings settings;
    private final Clock clock;

    Sessions(WebSessionRepository sessions, AccessService access, WebSettings settings, Clock clock) {
        this.sessions = sessions;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new session: the token goes into the cookie and nowhere else; only its hash is kept. */
    public record Opened(String token, WebPrincipal principal) {
    }

    @Transactional
    public Opened open(Member member, String openedBy) {
        String token = Tokens.newToken();
        String csrf = Tokens.newToken();
        Instant now = clock.instant();
        sessions.save(new WebSession(Tokens.hash(token), member.getId(), member.getCommuneCode(), openedBy, csrf, now,
                now.plus(settings.sessionValidity())));
        return new Opened(token, principal(member, csrf));
    }

    /** Who the token signs in, if it names an open session of a member who is still active. */
    @Transactional(readOnly = true)
    public Optional<WebPrincipal> find(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findByTokenHash(Tokens.hash(token)).filter(s -> s.openAt(now))
                .flatMap(s -> access.byId(s.memberId()).filter(Member::isActive).map(m -> principal(m, s.csrfToken())));
    }

    @Transactional
    public void close(String token) {
        if (Tokens.wellFormed(token)) {
            sessions.deleteByTokenHash(Tokens.hash(token));
        }
    }

    /** Where a signed-in person starts: the office's console for administrators, the department's form for members. */
    public static String home(WebPrincipal principal) {
        return principal.officeAdmin() ? "/app/office" : "/app/form";
    }

    private static WebPrincipal principal(Member member, String csrf) {
        return new WebPrincipal(member.getId(), member.getCommuneCode(), member.isOfficeAdmin(), csrf);
    }
}
