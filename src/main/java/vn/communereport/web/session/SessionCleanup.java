package vn.communereport.web.session;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets sessions and login links a day after they expired (until then a late click on a link is told it expired,
 * not that it is unknown). Every six hours, as the processed deliveries are.
 */
@Component
class SessionCleanup {

    private static final Duration KEEP = Duration.ofDays(1);

    private final WebSessionRepository sessions;
    private final LoginLinkRepository links;
    private final Clock clock;

    SessionCleanup(WebSessionRepository sessions, LoginLinkRepository links, Clock clock) {
        this.sessions = sessions;
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
    @SchedulerLock(name = "web-session-cleanup")
    @Transactional
    public void forgetExpired() {
        sessions.deleteExpiredBefore(clock.instant().minus(KEEP));
        links.deleteExpiredBefore(clock.instant().minus(KEEP));
    }
}
