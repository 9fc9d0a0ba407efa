package vn.communereport.testsupport.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Mini App {@code initData} string as Telegram signs it, for tests: fields {@code auth_date}, {@code query_id} and
 * {@code user} (a JSON object with the id and first name), signed with the bot token by the documented scheme. Written
 * apart from the application's validator, so the two check each other. {@link #launchUrl} puts it where Telegram puts
 * it when it opens a Mini App: in the URL fragment as {@code tgWebAppData}.
 */
public final class SignedInitData {

    private SignedInitData() {
    }

    /** Signed now, by the clock's time. */
    public static String forUser(long telegramUserId, String botToken, Clock clock) {
        return forUser(telegramUserId, "Lan", botToken, clock.instant());
    }

    public static String forUser(long telegramUserId, String firstName, String botToken, Instant authDate) {
        String user = "{\"id\":" + telegramUserId + ",\"first_name\":\"" + firstName.replace("\"", "\\\"")
                + "\",\"language_code\":\"vi\",\"allows_write_to_pm\":true}";
        return signed(Map.of("auth_date", String.valueOf(authDate.getEpochSecond()), "query_id", "AAH" + telegramUserId + "x", "user", user),
                botToken);
    }

    /** Any fields, signed: for tests that need a field missing or odd and still correctly signed. */
    public static String signed(Map<String, String> fields, String botToken) {
        TreeMap<String, String> sorted = new TreeMap<>(fields);
        String dataCheck = sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(hmac(secret, dataCheck.getBytes(StandardCharsets.UTF_8)));
        return sorted.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"))
                + "&hash=" + hash;
    }

    /** The address Telegram opens: {@code <base>/miniapp#tgWebAppData=...&tgWebAppVersion=...&tgWebAppPlatform=...}. */
    public static String launchUrl(String baseUrl, String initData) {
        return baseUrl + "/miniapp#tgWebAppData=" + encode(initData) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
