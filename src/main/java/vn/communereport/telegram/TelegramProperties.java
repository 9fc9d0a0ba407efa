package vn.communereport.telegram;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * How to reach the Bot API. {@code apiUrl} may point at Telegram, at a local Bot API server, or at the
 * project's own stand-in in tests; every call goes there. {@code handlerThreads} chats of one batch are handled
 * side by side (default 2: the database and the network wait as much as the processor works).
 */
@ConfigurationProperties(prefix = "telegram")
public record TelegramProperties(String botToken, String apiUrl, int pollTimeoutSeconds, int handlerThreads) {

    public TelegramProperties {
        handlerThreads = handlerThreads <= 0 ? 2 : handlerThreads;
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.trim();
        pollTimeoutSeconds = pollTimeoutSeconds <= 0 ? 50 : pollTimeoutSeconds;
    }

    public TelegramUrl telegramUrl() {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }
}
