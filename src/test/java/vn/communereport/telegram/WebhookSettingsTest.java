package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.communereport.testsupport.BotProcess;

/** Webhook mode refuses to start on settings Telegram would refuse, with what to set instead. */
class WebhookSettingsTest {

    static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    Path data;

    private static WebhookSettings of(String url, String secret, int maxConnections) {
        return WebhookSettings.of(url, secret, maxConnections, LEASE, Duration.ofSeconds(1));
    }

    @Test
    void theWebhookIsThePublicHttpsAddressAndItsPath() {
        WebhookSettings settings = of("https://baocao.example.vn/", "abc_DEF-123", 40);
        assertThat(settings.url()).isEqualTo("https://baocao.example.vn/telegram/webhook");
        assertThat(of("https://baocao.example.vn:8443", "x", 1).url()).isEqualTo("https://baocao.example.vn:8443/telegram/webhook");
        assertThat(settings.toString()).doesNotContain("abc_DEF-123");
    }

    @Test
    void whatTelegramWouldRefuseStopsTheStartWithWhatToSet() {
        assertThatThrownBy(() -> of("", "secret", 40)).isInstanceOf(WebhookSettingsException.class).hasMessageContaining("APP_PUBLIC_URL");
        assertThatThrownBy(() -> of("http://baocao.example.vn", "secret", 40)).hasMessageContaining("HTTPS");
        assertThatThrownBy(() -> of("https://baocao.example.vn:8080", "secret", 40)).hasMessageContaining("443, 80, 88 and 8443");
        assertThatThrownBy(() -> of("https://baocao.example.vn", "", 40)).hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> of("https://baocao.example.vn", "has space", 40)).hasMessageContaining("other characters");
        assertThatThrownBy(() -> of("https://baocao.example.vn", "a".repeat(257), 40)).hasMessageContaining("too long");
        assertThatThrownBy(() -> of("https://baocao.example.vn", "secret", 101)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> WebhookSettings.webhookMode("webhok")).hasMessageContaining("polling or webhook");
        assertThat(WebhookSettings.webhookMode(" Webhook ")).isTrue();
        assertThat(WebhookSettings.webhookMode("")).isFalse();
    }

    @Test
    void theRealApplicationDoesNotStartInWebhookModeWithoutASecret() {
        Throwable failure = null;
        try (BotProcess bot = BotProcess.start("http://127.0.0.1:9", data, "1001",
                Map.of("telegram.mode", "webhook", "app.public-url", "https://baocao.example.vn"))) {
            bot.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the start fails").isNotNull();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof WebhookSettingsException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(WebhookSettingsException.class);
        FailureAnalysis analysis = new WebhookSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("TELEGRAM_WEBHOOK_SECRET");
        assertThat(analysis.getAction()).contains("openssl rand -hex 32");
    }
}
