package vn.communereport.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What webhook mode needs, checked as Telegram checks it before anything starts: an HTTPS public address on a port
 * Telegram delivers to (443, 80, 88 or 8443), and a secret token of 1-256 letters, digits, '_' or '-' that Telegram
 * sends back in every delivery. {@code url} is where Telegram posts: the public address and {@link #PATH}.
 */
record WebhookSettings(String url, String secret, int maxConnections, Duration lease, Duration pollInterval) {

    /** Where Telegram posts updates, under the public address. */
    static final String PATH = "/telegram/webhook";
    static final Set<Integer> TELEGRAM_PORTS = Set.of(443, 80, 88, 8443);
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    static WebhookSettings of(String publicUrl, String secret, int maxConnections, Duration lease, Duration pollInterval) {
        String base = publicUrl == null ? "" : publicUrl.trim().replaceAll("/+$", "");
        URI uri;
        try {
            uri = base.isEmpty() ? null : URI.create(base);
        } catch (IllegalArgumentException malformed) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new WebhookSettingsException("TELEGRAM_MODE=webhook needs APP_PUBLIC_URL, the HTTPS address Telegram posts to"
                    + (base.isEmpty() ? ", and it is not set." : "; it is " + base + "."),
                    "Set APP_PUBLIC_URL=https://<your domain> (an HTTPS proxy in front of this application, see the README), "
                            + "or TELEGRAM_MODE=polling, then start again.");
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        if (!TELEGRAM_PORTS.contains(port)) {
            throw new WebhookSettingsException("Telegram delivers webhooks only to ports 443, 80, 88 and 8443; APP_PUBLIC_URL is on port "
                    + port + ".", "Serve the HTTPS address on one of those ports (443 is usual) and set APP_PUBLIC_URL to it, then start again.");
        }
        String token = secret == null ? "" : secret.trim();
        if (!SECRET.matcher(token).matches()) {
            throw new WebhookSettingsException("TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET, 1 to 256 letters, digits, '_' or '-'"
                    + (token.isEmpty() ? ", and it is not set." : "; the one set has other characters or is too long."),
                    "Set TELEGRAM_WEBHOOK_SECRET to a long random value (e.g. the output of: openssl rand -hex 32) in .env, "
                            + "the same on every instance, then start again.");
        }
        if (maxConnections < 1 || maxConnections > 100) {
            throw new WebhookSettingsException("TELEGRAM_WEBHOOK_MAX_CONNECTIONS must be between 1 and 100 (Telegram's range); it is "
                    + maxConnections + ".", "Set TELEGRAM_WEBHOOK_MAX_CONNECTIONS=40 (Telegram's default) or leave it out, then start again.");
        }
        return new WebhookSettings(base + PATH, token, maxConnections, lease, pollInterval);
    }

    /** How updates reach the application: {@code TELEGRAM_MODE}. */
    static boolean webhookMode(String mode) {
        String value = mode == null || mode.isBlank() ? "polling" : mode.trim().toLowerCase(Locale.ROOT);
        if (value.equals("polling")) {
            return false;
        }
        if (value.equals("webhook")) {
            return true;
        }
        throw new WebhookSettingsException("TELEGRAM_MODE is " + mode.trim() + "; it can only be polling or webhook.",
                "Set TELEGRAM_MODE=polling (the default: the application asks Telegram for updates) or TELEGRAM_MODE=webhook "
                        + "(Telegram posts them to APP_PUBLIC_URL), then start again.");
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", maxConnections=" + maxConnections + "]"; // never the secret
    }
}
