package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;

/** The office's member commands, through the conversation alone (no Telegram): /thanhvien and /thuhoi. */
class OfficeMembersTest {

    @TempDir
    static Path data;
    static BotProcess bot;
    static ConversationEngine engine;
    static int delivery;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        engine = bot.bean(ConversationEngine.class);
        AccessService access = bot.bean(AccessService.class);
        Member admin = access.recognise(telegram(Office.ADMIN), "Lò Văn Phòng").orElseThrow();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2001), "Hà Thị Kinh");
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2002), "Lò Văn Minh");
        access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(2003), "Vàng Thị Hoa");
        access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(2004), "Tao Văn Sơn");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static String say(long user, String text) {
        Reply reply = engine.handle(Inbound.text(telegram(user), String.valueOf(++delivery), null, text));
        return String.join("\n", reply.messages().stream().map(Outbound::text).toList());
    }

    @Test
    void theOfficeSeesWhoIsInEachDepartment() {
        String list = say(Office.ADMIN, "/thanhvien");
        assertThat(list).contains("Phòng Kinh tế (2): Hà Thị Kinh, Lò Văn Minh").contains("Phòng Văn hóa - Xã hội: chưa có ai")
                .contains("Trung tâm Phục vụ hành chính công (");
        assertThat(say(2001, "/thanhvien")).contains("chỉ dành cho Văn phòng");
    }

    @Test
    void aRevokedMemberIsNoLongerListedAndIsToldSo() {
        Member son = bot.bean(AccessService.class).recognise(telegram(2004), null).orElseThrow();
        Reply revoked = engine.handle(Inbound.button(telegram(Office.ADMIN), "b1", null, "rvk|" + son.getId()));
        assertThat(revoked.messages()).anyMatch(m -> m.to().equals(Recipient.member(son.getId())));
        assertThat(say(Office.ADMIN, "/thanhvien")).contains("Trung tâm Phục vụ hành chính công (1): Vàng Thị Hoa").doesNotContain("Sơn");
        assertThat(say(2004, "/start")).contains("chưa được đăng ký");
    }
}
