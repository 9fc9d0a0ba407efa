package vn.communereport.web.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * One-time tokens in the console's forms, so a form sent twice (a double tap, a resent page) acts once. Each page gets
 * a token for its person; the first form sent with it consumes it and the page it leads to carries a new one. Tokens
 * live in this process for a few hours: one lost to a restart only makes the office load the page again.
 */
@Component
class FormOnce {

    static final String FIELD = "_once";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final int MAX_TOKENS = 20_000;

    private record Issued(long memberId, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    /** Oldest first, so that the expired and the surplus are dropped from the front. */
    private final LinkedHashMap<String, Issued> tokens = new LinkedHashMap<>();
    private final Clock clock;

    FormOnce(Clock clock) {
        this.clock = clock;
    }

    synchronized String issue(long memberId) {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Issued>> oldest = tokens.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Issued> entry = oldest.next();
            if (tokens.size() < MAX_TOKENS && entry.getValue().expiresAt().isAfter(now)) {
                break;
            }
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, new Issued(memberId, now.plus(LIFETIME)));
        return token;
    }

    /** True once for a token this person was given and has not used; false for a repeat, a stranger's or a forged one. */
    synchronized boolean consume(long memberId, String token) {
        if (token == null) {
            return false;
        }
        Issued issued = tokens.get(token);
        if (issued == null || issued.memberId() != memberId || !issued.expiresAt().isAfter(clock.instant())) {
            return false;
        }
        tokens.remove(token);
        return true;
    }
}
