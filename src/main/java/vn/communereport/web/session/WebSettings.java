package vn.communereport.web.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The web channel's settings ({@code app.web.*}): how old a Mini App launch may be, how long a session and a login
 * link last, and the largest request body that is not a file upload (uploads have Spring's multipart limits).
 */
@ConfigurationProperties(prefix = "app.web")
public record WebSettings(Duration initDataMaxAge, Duration sessionValidity, Duration loginLinkValidity, DataSize maxBody) {

    public WebSettings {
        initDataMaxAge = initDataMaxAge == null ? Duration.ofHours(24) : initDataMaxAge;
        sessionValidity = sessionValidity == null ? Duration.ofHours(12) : sessionValidity;
        loginLinkValidity = loginLinkValidity == null ? Duration.ofMinutes(10) : loginLinkValidity;
        maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
    }
}
