package vn.communereport.web.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;

/**
 * Single-use login links: made for a member, looked at without being spent (link previews fetch them), and spent once
 * to open a session. Only the token's hash is stored.
 */
@Service
public class LoginLinks {

    public enum State { USABLE, USED, EXPIRED, UNKNOWN }

    /** What spending a link gave: a session, or why not (then {@code opened} is null). */
    public record Spent(State state, Sessions.Opened opened, boolean memberInactive) {
    }

    private final LoginLinkRepository links;
    private final Sessions sessions;
    private final AccessService access;
    private final WebSettings settings;
    private final Clock clock;

    LoginLinks(LoginLinkRepository links, Sessions sessions, AccessService access, WebSettings settings, Clock clock) {
        this.links = links;
        this.sessions = sessions;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new link's token for the member, valid for {@code app.web.login-link-validity}. */
    @Transactional
    public String create(Member member) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        links.save(new LoginLink(Tokens.hash(token), member.getId(), member.getCommuneCode(), now, now.plus(settings.loginLinkValidity())));
        return token;
    }

    @Transactional(readOnly = true)
    public State look(String token) {
        return find(token).map(this::state).orElse(State.UNKNOWN);
    }

    /** Spends the link and opens a session for its member, or says why not; a refused link changes nothing. */
    @Transactional
    public Spent spend(String token) {
        Optional<LoginLink> link = find(token);
        if (link.isEmpty()) {
            return new Spent(State.UNKNOWN, null, false);
        }
        Optional<Member> member = access.byId(link.get().memberId()).filter(Member::isActive);
        if (member.isEmpty()) {
            return new Spent(state(link.get()), null, true);
        }
        if (links.use(Tokens.hash(token), clock.instant()) != 1) {
            // Used or expired by now (perhaps by a second click a moment ago): read again what it is.
            return new Spent(links.findByTokenHash(Tokens.hash(token)).map(this::state).orElse(State.UNKNOWN), null, false);
        }
        return new Spent(State.USED, sessions.open(member.get(), Sessions.LOGIN_LINK), false);
    }

    private Optional<LoginLink> find(String token) {
        return Tokens.wellFormed(token) ? links.findByTokenHash(Tokens.hash(token)) : Optional.empty();
    }

    private State state(LoginLink link) {
        if (link.used()) {
            return State.USED;
        }
        return link.expiredAt(clock.instant()) ? State.EXPIRED : State.USABLE;
    }
}
