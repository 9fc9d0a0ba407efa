package vn.communereport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Behind an HTTPS address the chat offers the form as a Mini App: a «📝 Mở biểu mẫu» web_app button where a member
 * meets it (joining, /web, /trogiup) and the member's chat menu button; strangers get neither.
 */
class MiniAppButtonsTest {

    static final String MINI_APP = "https://baocao.example.vn/miniapp";

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of("app.public-url", "https://baocao.example.vn/"));
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    static List<SentMessage.Button> webAppButtons(SentMessage message) {
        return message.buttons().stream().filter(SentMessage.Button::opensWebApp).toList();
    }

    @Test
    void aMemberIsOfferedTheFormAsAMiniAppAndItsMenuButtonStrangersAreNot() {
        FakeUser stranger = api.user(3001, "Người lạ");
        stranger.sends("xin chào");
        stranger.awaitText("mã mời", WAIT);
        assertThat(webAppButtons(stranger.lastMessage())).isEmpty();

        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        SentMessage joined = lan.messages().stream().filter(m -> m.text().contains("Bạn đã tham gia")).findFirst().orElseThrow();
        assertThat(webAppButtons(joined)).extracting(SentMessage.Button::text, SentMessage.Button::webAppUrl)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("📝 Mở biểu mẫu", MINI_APP));
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.menuButton(2001))
                .isEqualTo(Map.of("type", "web_app", "text", "📝 Mở biểu mẫu", "web_app", Map.of("url", MINI_APP))));

        lan.sends("/web");
        SentMessage web = lan.awaitText("Liên kết mở trang báo cáo", WAIT);
        assertThat(web.text()).contains("https://baocao.example.vn/login/");
        assertThat(webAppButtons(web)).extracting(SentMessage.Button::webAppUrl).containsExactly(MINI_APP);
        lan.sends("/trogiup");
        SentMessage help = lan.awaitText("/web – nhận liên kết", WAIT);
        assertThat(webAppButtons(help)).extracting(SentMessage.Button::webAppUrl).containsExactly(MINI_APP);

        stranger.sends("/trogiup");
        stranger.awaitNext(WAIT);
        assertThat(api.menuButton(3001)).isEqualTo(Map.of("type", "commands"));
    }
}
