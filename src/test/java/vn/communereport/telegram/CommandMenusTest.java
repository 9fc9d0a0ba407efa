package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;

/** Members and office administrators get different Telegram menus, both from the one command registry. */
class CommandMenusTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void anAdministratorWhoWritesAfterTheStartGetsTheOfficeMenuAndAMemberTheMembersOne() {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        lan.awaitText("Câu 1/", WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.commandMenu()).containsKeys("tiendo", "duthao", "thanhvien", "xem"));
        assertThat(admin.commandMenu().get("tiendo")).isEqualTo("Văn phòng: tiến độ các phòng");
        assertThat(lan.commandMenu()).containsKeys("start", "xem", "nop", "phanbaocao", "tamdung", "trogiup")
                .doesNotContainKeys("tiendo", "duthao", "moi", "thanhvien");
    }
}
