package vn.communereport.web.session;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach the application: {@code APP_PUBLIC_URL} (the HTTPS address in front of it), or, when that is not
 * set, this machine at the port the server listens on (http://localhost:8080 by default).
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${app.public-url:}") String configured, Environment environment) {
        this.configured = configured == null ? "" : configured.trim().replaceAll("/+$", "");
        this.environment = environment;
        if (!this.configured.isEmpty()) {
            URI uri = URI.create(this.configured);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("APP_PUBLIC_URL must be an http(s) address such as https://baocao.example.vn, not "
                        + this.configured);
            }
        }
    }

    /** The base address, without a trailing slash. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    /** Whether {@code APP_PUBLIC_URL} is set (not the local fallback). */
    public boolean configured() {
        return !configured.isEmpty();
    }

    /** Telegram opens Mini Apps (and web_app buttons) only at HTTPS addresses. */
    public boolean https() {
        return configured.toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
