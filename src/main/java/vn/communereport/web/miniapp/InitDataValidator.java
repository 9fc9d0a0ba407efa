package vn.communereport.web.miniapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Mini App's {@code initData} the way Telegram's Mini App documentation prescribes ("Validating data received
 * via the Mini App"): the data-check-string is every received field but {@code hash}, as {@code key=value} with the
 * value URL-decoded, sorted by key and joined by line feeds; the secret key is HMAC-SHA-256 of the bot token keyed with
 * "WebAppData"; the data is Telegram's when hex(HMAC-SHA-256 of the data-check-string under that key) equals
 * {@code hash}, compared in constant time. {@code auth_date} must be no older than {@code maxAge} and not ahead of
 * the clock by more than {@link #ALLOWED_SKEW}. Only then is the {@code user} field read; nothing else is trusted.
 * Knows no channel and no HTTP: a string in, a verdict out.
 */
public final class InitDataValidator {

    /** Telegram's clock and ours may differ a little; more than this ahead is not a launch that happened. */
    public static final Duration ALLOWED_SKEW = Duration.ofMinutes(1);
    /** initData is a few hundred bytes; anything far longer is not Telegram's. */
    static final int MAX_LENGTH = 8_192;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] secretKey;
    private final Duration maxAge;
    private final Clock clock;

    /** With a blank {@code botToken} (the web channel running without Telegram) every initData is refused. */
    public InitDataValidator(String botToken, Duration maxAge, Clock clock) {
        this.secretKey = botToken == null || botToken.isBlank() ? null : hmac("WebAppData".getBytes(StandardCharsets.UTF_8),
                botToken.trim().getBytes(StandardCharsets.UTF_8));
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public enum Verdict {
        VALID,
        /** Not a query string of key=value pairs, a field twice, no auth_date, or no usable user. */
        MALFORMED,
        MISSING_HASH,
        /** The signature does not match: changed on the way, or signed for another bot. */
        FORGED,
        EXPIRED,
        FROM_THE_FUTURE,
        /** This application has no bot token to check signatures with. */
        NOT_CONFIGURED
    }

    /** The verdict and, when valid, the Telegram user it proves and when Telegram signed it. */
    public record Result(Verdict verdict, long userId, String firstName, Instant authDate) {

        static Result refused(Verdict verdict) {
            return new Result(verdict, 0, null, null);
        }

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    public Result validate(String initData) {
        if (secretKey == null) {
            return Result.refused(Verdict.NOT_CONFIGURED);
        }
        if (initData == null || initData.isBlank() || initData.length() > MAX_LENGTH) {
            return Result.refused(Verdict.MALFORMED);
        }
        TreeMap<String, String> fields = parse(initData.strip());
        if (fields == null) {
            return Result.refused(Verdict.MALFORMED);
        }
        String hash = fields.remove("hash");
        if (hash == null || hash.isEmpty()) {
            return Result.refused(Verdict.MISSING_HASH);
        }
        if (!signatureMatches(fields, hash)) {
            return Result.refused(Verdict.FORGED);
        }
        Instant authDate = authDate(fields.get("auth_date"));
        if (authDate == null) {
            return Result.refused(Verdict.MALFORMED);
        }
        Instant now = clock.instant();
        if (authDate.isAfter(now.plus(ALLOWED_SKEW))) {
            return Result.refused(Verdict.FROM_THE_FUTURE);
        }
        if (authDate.isBefore(now.minus(maxAge))) {
            return Result.refused(Verdict.EXPIRED);
        }
        return user(fields.get("user"), authDate);
    }

    /** The fields, decoded, sorted by key; null when the text is not a query string or names a field twice. */
    private static TreeMap<String, String> parse(String initData) {
        TreeMap<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return null;
            }
            try {
                String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(key, value) != null) {
                    return null;
                }
            } catch (IllegalArgumentException badEscape) {
                return null;
            }
        }
        return fields;
    }

    private boolean signatureMatches(TreeMap<String, String> fields, String hash) {
        StringBuilder dataCheck = new StringBuilder();
        fields.forEach((key, value) -> dataCheck.append(dataCheck.isEmpty() ? "" : "\n").append(key).append('=').append(value));
        byte[] expected = hmac(secretKey, dataCheck.toString().getBytes(StandardCharsets.UTF_8));
        byte[] received;
        try {
            received = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, received);
    }

    private static Instant authDate(String value) {
        if (value == null || !value.matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }

    private static Result user(String json, Instant authDate) {
        if (json == null) {
            return Result.refused(Verdict.MALFORMED);
        }
        try {
            JsonNode user = JSON.readTree(json);
            JsonNode id = user == null ? null : user.get("id");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0) {
                return Result.refused(Verdict.MALFORMED);
            }
            JsonNode firstName = user.get("first_name");
            return new Result(Verdict.VALID, id.asLong(), firstName != null && firstName.isString() ? firstName.asString() : null, authDate);
        } catch (RuntimeException notJson) {
            return Result.refused(Verdict.MALFORMED);
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
