package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * Everything a person can send that is not what the bot asked for: each gets a short Vietnamese answer or
 * is ignored, and no stored answer changes. One table, one place to add the next surprise.
 */
@LongRunning
class BadInputCatalogueTest {

    static final long ADMIN = 1001;

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    MutableClock clock;
    FakeUser admin;
    FakeUser economist;
    FakeUser stranger;
    SentMessage firstQuestion;
    Flow economy;
    Flow centre;

    /** One row of the catalogue: who does what, and what the bot must say (null: nothing at all). */
    record Case(String name, FakeUser who, Consumer<FakeUser> action, String expectedReply) {
    }

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        clock = new MutableClock(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")));
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(ADMIN), Map.of(), clock);
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        economy = context.report().flow("kinh-te").orElseThrow();
        centre = context.report().flow("trung-tam-hcc").orElseThrow();
        admin = api.user(ADMIN, "Lò Văn Phòng");
        economist = Office.join(api, admin, "kinh-te", 2001, "Hà Thị Kinh");
        firstQuestion = economist.awaitText("Câu 1/", WAIT);
        economist.sends("11");
        economist.awaitText("Câu 2/", WAIT);
        stranger = api.user(3001, "Người Lạ");
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }


    private Map<String, String> storedAnswers() {
        var period = bot.bean(PeriodService.class).currentPeriod(bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().commune().code(),
                bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().report());
        Map<String, String> snapshot = new LinkedHashMap<>();
        bot.bean(CollectionService.class).periodAnswers(period.getId())
                .forEach((id, answer) -> snapshot.put(id, answer.value() + "@v" + answer.getVersion()));
        return snapshot;
    }

    private static Map<String, Object> message(String kind, Object content) {
        return Map.of("message", Map.of(kind, content));
    }

    @Test
    void everyBadInputGetsAShortAnswerOrIsIgnoredAndChangesNothing() {
        String centreQuestion = centre.questions().get(0).id();
        String firstId = economy.questions().get(0).id();
        List<Case> catalogue = List.of(
                new Case("sticker", economist, u -> u.sendsUpdate(message("sticker", Map.of("file_id", "s", "file_unique_id", "s",
                        "type", "regular", "width", 512, "height", 512, "is_animated", false, "is_video", false))), "chỉ đọc tin nhắn chữ"),
                new Case("photo", economist, u -> u.sendsUpdate(message("photo", List.of(Map.of("file_id", "p", "file_unique_id", "p",
                        "width", 90, "height", 90)))), "chỉ đọc tin nhắn chữ"),
                new Case("voice", economist, u -> u.sendsUpdate(message("voice", Map.of("file_id", "v", "file_unique_id", "v",
                        "duration", 3))), "chỉ đọc tin nhắn chữ"),
                new Case("a file that is no spreadsheet", economist, u -> u.sendsDocument("so-lieu.xlsx",
                        "không phải bảng tính".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "không phải là bảng tính Excel"),
                new Case("a file Telegram cannot hand over", economist, u -> u.sendsUpdate(message("document", Map.of("file_id", "d",
                        "file_unique_id", "d", "file_name", "so-lieu.xlsx"))), "chưa tải được tệp"),
                new Case("location", economist, u -> u.sendsUpdate(message("location", Map.of("latitude", 22.39, "longitude", 103.45))),
                        "chỉ đọc tin nhắn chữ"),
                new Case("contact", economist, u -> u.sendsUpdate(message("contact", Map.of("phone_number", "0912345678",
                        "first_name", "Lan"))), "chỉ đọc tin nhắn chữ"),
                new Case("poll", economist, u -> u.sendsUpdate(message("poll", Map.of("id", "1", "question", "?", "options", List.of(),
                        "total_voter_count", 0, "is_closed", false, "is_anonymous", true, "type", "regular",
                        "allows_multiple_answers", false))), "chỉ đọc tin nhắn chữ"),
                new Case("edited message", economist, u -> u.sendsUpdate(Map.of("edited_message", Map.of("text", "12",
                        "edit_date", 1_790_000_000))), "tin nhắn đã sửa"),
                new Case("4,096 characters on a number question", economist, u -> u.sends("9".repeat(2) + "x".repeat(4094)),
                        "không phải là một số"),
                new Case("emoji inside a number", economist, u -> u.sends("2😀654"), "không phải là một số"),
                new Case("only zero-width characters", economist, u -> u.sends("\u200b\u200b\u200b"), "Chưa có số nào"),
                new Case("a negative figure", economist, u -> u.sends("-5"), "không được âm"),
                new Case("blank text", economist, u -> u.sendsUpdate(message("text", "   ")), "Tin nhắn trống"),
                new Case("an office command in the middle of a flow", economist, u -> u.sends("/tiendo"), "chỉ dành cho Văn phòng"),
                new Case("an unknown command", economist, u -> u.sends("/xoahet"), "Không có lệnh này"),
                new Case("a message in a group chat", economist, u -> u.sendsUpdate(Map.of("message", Map.of("text", "12",
                        "chat", Map.of("id", -100123, "type", "group", "title", "Cán bộ xã")))), null),
                new Case("a command in a group chat", economist, u -> u.sendsUpdate(Map.of("message", Map.of("text", "/start",
                        "chat", Map.of("id", -100123, "type", "group", "title", "Cán bộ xã"),
                        "entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", 6))))), null),
                new Case("a button from an old keyboard", economist, u -> u.pressesRaw(firstQuestion.messageId(), "b|" + firstId), "Câu 2/"),
                new Case("data the bot never sent", economist, u -> u.pressesRaw(firstQuestion.messageId(), "zzz|1"), "Câu 2/"),
                new Case("editing another department's question", economist, u -> u.pressesRaw(firstQuestion.messageId(),
                        "ed|" + centreQuestion), "Câu 2/"),
                new Case("submitting another period", economist, u -> u.pressesRaw(firstQuestion.messageId(), "subok|999"), "Câu 2/"),
                new Case("answering yes for another question", economist, u -> u.pressesRaw(firstQuestion.messageId(),
                        "y|" + centreQuestion), "Câu 2/"),
                new Case("reopening as a member", economist, u -> u.pressesRaw(firstQuestion.messageId(), "rop|kinh-te"),
                        "chỉ dành cho Văn phòng"),
                new Case("inviting as a member", economist, u -> u.pressesRaw(firstQuestion.messageId(), "inv|kinh-te"),
                        "chỉ dành cho Văn phòng"),
                new Case("asking for the compiled report as a member", economist, u -> u.sends("/duthao"), "chỉ dành cho Văn phòng"),
                new Case("revoking as a member", economist, u -> u.pressesRaw(firstQuestion.messageId(), "rvk|1"),
                        "chỉ dành cho Văn phòng"),
                new Case("a stranger asking to review", stranger, u -> u.sends("/xem"), "chưa được đăng ký"),
                new Case("a stranger pressing a button", stranger, u -> u.sendsUpdate(Map.of("callback_query", Map.of(
                        "data", "y|" + firstId))), "chưa được đăng ký"),
                new Case("a wrong invite code", stranger, u -> u.sends("ABCDE-FGHJK"), "Mã mời không đúng"));

        Map<String, String> before = storedAnswers();
        assertThat(before).hasSize(1);
        for (Case c : catalogue) {
            c.action().accept(c.who());
            if (c.expectedReply() == null) {
                c.who().expectNoMessage(Duration.ofMillis(1500));
            } else {
                SentMessage reply = c.who().awaitNext(WAIT);
                assertThat(reply.text()).as(c.name()).contains(c.expectedReply());
                assertThat(reply.text()).as(c.name() + ": a stranger sees no data").satisfies(text -> {
                    if (c.who() == stranger) {
                        assertThat(text).doesNotContain("Câu ").doesNotContain("Phòng Kinh tế");
                    }
                });
                c.who().expectNoMessage(Duration.ofMillis(200));
            }
            assertThat(storedAnswers()).as("stored answers after «%s»", c.name()).isEqualTo(before);
        }
        // In the group itself the bot said one thing only: write to it privately.
        assertThat(api.messagesIn(-100123)).singleElement().satisfies(m -> assertThat(m.text()).contains("nhắn riêng"));
    }

    @Test
    void invitesExpireAndARevokedMemberSeesNothing() {
        String code = Office.inviteCode(admin, "van-phong");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        stranger.sends(code);
        assertThat(stranger.awaitNext(WAIT).text()).contains("đã hết hạn");

        admin.sends("/thuhoi");
        SentMessage choose = admin.awaitText("thu hồi", WAIT);
        String button = choose.buttonData().stream().filter(d -> d.startsWith("rvk|")).findFirst().orElseThrow();
        admin.presses(button);
        admin.awaitText("Đã thu hồi quyền của Hà Thị Kinh", WAIT);
        economist.awaitText("thu hồi quyền", WAIT);
        Map<String, String> before = storedAnswers();
        economist.sends("12");
        assertThat(economist.awaitNext(WAIT).text()).contains("chưa được đăng ký");
        assertThat(storedAnswers()).isEqualTo(before);

        // The office sees who changed the figure, and can take every answer away as a file.
        admin.sends("/lichsu VI.1.1");
        assertThat(admin.awaitText("Lịch sử", WAIT).text()).contains("Hà Thị Kinh").contains("(trống) → 11");
        admin.sends("/xuatdulieu");
        var csv = admin.awaitDocument(WAIT);
        assertThat(csv.fileName()).isEqualTo("DuLieu_CCHC_6TC-2026_BinhLu.csv");
        assertThat(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"bieu:VI.1.1\"").contains("\"11\"");
    }
}
