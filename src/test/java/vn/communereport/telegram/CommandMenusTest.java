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
import vn.communereport.testsupport.GeneratedCommunes;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;

/**
 * Members, office administrators and province administrators get different Telegram menus: the first two from the one
 * command registry, the province's from the province's own commands.
 */
@LongRunning
class CommandMenusTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    static final long PROVINCE_ADMIN = 8001;

    @BeforeEach
    void start() {
        Path conversations = GeneratedCommunes.copyOfShipped(data.resolve("conversations"),
                Map.of("provinces/lai-chau.yaml", Map.of("admin_telegram_ids: []", "admin_telegram_ids: [" + PROVINCE_ADMIN + "]")));
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data.resolve("data"), String.valueOf(Office.ADMIN),
                Map.of("app.conversations-dir", conversations.toString()));
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

    @Test
    void aProvinceAdministratorGetsTheProvincesMenuNotTheMembers() {
        FakeUser province = api.user(PROVINCE_ADMIN, "Sở Nội vụ");
        province.sends("/trogiup");
        province.awaitText("quản trị cấp tỉnh", WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(province.commandMenu()).containsOnlyKeys("tiendo", "tonghop", "tylenop", "trogiup"));
        assertThat(province.commandMenu().get("tonghop")).isEqualTo("Bảng tổng hợp toàn tỉnh và báo cáo các xã");
    }
}
