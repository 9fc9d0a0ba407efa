package vn.communereport.web.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.communereport.access.AccessService;
import vn.communereport.telegram.MalformedBotTokenException;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.SignedInitData;
import vn.communereport.testsupport.web.WebSessions;

/** Without a bot token the application serves the web alone and hands out the office's way in; a bad token stops it. */
@ExtendWith(OutputCaptureExtension.class)
class WebOnlyStartTest {

    static final Pattern LINK = Pattern.compile("Office login link \\(single use, valid 10 min\\): (http://localhost:\\d+/login/[A-Za-z0-9_-]{43})");

    @TempDir
    Path data;

    @Test
    void withoutATokenTheWebIsServedAloneAndTheOfficeGetsALoginLink(CapturedOutput output) {
        try (BotProcess bot = BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.bot-token", ""))) {
            String log = output.getAll();
            assertThat(log.split("Telegram is off", -1)).as("one line says Telegram is off").hasSize(2);
            assertThat(log).contains("Telegram is off: TELEGRAM_BOT_TOKEN is empty, so the web channel is served alone at "
                    + WebSessions.baseUrl(bot));
            assertThatThrownBy(() -> bot.bean(org.telegram.telegrambots.meta.generics.TelegramClient.class))
                    .isInstanceOf(NoSuchBeanDefinitionException.class);
            Matcher link = LINK.matcher(log);
            assertThat(link.find()).as(log).isTrue();
            SignedIn office = WebSessions.spend(link.group(1));
            assertThat(office.csrfToken()).isNotBlank();
            // Without a bot token no Mini App launch can be checked: it is refused and told to use a login link.
            java.net.http.HttpResponse<String> miniApp = WebSessions.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(WebSessions.baseUrl(bot) + "/miniapp/session"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("initData=" + java.net.URLEncoder.encode(
                            SignedInitData.forUser(1001, BotProcess.TOKEN, java.time.Clock.systemUTC()), java.nio.charset.StandardCharsets.UTF_8)))
                    .build());
            assertThat(miniApp.statusCode()).isEqualTo(503);
            assertThat(miniApp.body()).contains("liên kết đăng nhập");
            assertThat(miniApp.headers().allValues("set-cookie")).isEmpty();
            // Nobody was named in OFFICE_ADMIN_IDS: the link signs in a local office administrator made for it, one per
            // commune; the first link printed is Bình Lư's, and Mẫu Thử's follows.
            assertThat(bot.bean(AccessService.class).find(WebOnlyStart.localOffice("binh-lu")))
                    .hasValueSatisfying(m -> assertThat(m.isOfficeAdmin()).isTrue());
            assertThat(log).contains(" (binh-lu)").contains(" (mau-thu)");
        }
    }

    @Test
    void aMalformedTokenStopsTheStartWithOneSentence(CapturedOutput output) {
        for (String token : new String[] {"123456:short", "not a token", "\"123456:TEST-token_for-the-stand-in\"", "123456TEST-token_for-the-stand-in",
                " 123456:TEST-token_for-the-stand-in"}) {
            assertThatThrownBy(() -> BotProcess.start("http://127.0.0.1:9", data, "", Map.of("telegram.bot-token", token)).close())
                    .isInstanceOf(MalformedBotTokenException.class);
        }
        assertThat(output.getAll()).contains("TELEGRAM_BOT_TOKEN is not a bot token: a token is the bot's number, a colon and")
                .doesNotContain("TEST-token_for-the-stand-in\"");
    }
}
