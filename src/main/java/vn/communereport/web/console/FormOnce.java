package vn.communereport.web.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One-time tokens in the console's forms, so a form sent twice (a double tap, a resent page) acts once. Each page gets
 * a token for its person; the first form sent with it consumes it and the page it leads to carries a new one. Tokens
 * are rows of {@code console_form_token} (V12), so a page served by one instance may be sent to another, and only
 * their SHA-256 is stored; they expire after a few hours, and expired ones are forgotten hourly.
 */
@Component
class FormOnce {

    static final String FIELD = "_once";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FormOnce(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(long memberId) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.update("insert into console_form_token (token_hash, member_id, expires_at) values (?, ?, ?)",
                hash(token), memberId, at(clock.instant().plus(LIFETIME)));
        return token;
    }

    /**
     * True once for a token this person was given and has not used; false for a repeat, a stranger's, an expired or a
     * forged one. Spending is one DELETE: of two requests with the same token, on any instances, one gets the row.
     */
    boolean consume(long memberId, String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return false;
        }
        return jdbc.update("delete from console_form_token where token_hash = ? and member_id = ? and expires_at > ?",
                hash(token), memberId, at(clock.instant())) == 1;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "console-form-token-cleanup")
    public void forgetExpired() {
        jdbc.update("delete from console_form_token where expires_at <= ?", at(clock.instant()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
