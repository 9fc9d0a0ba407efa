package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;

/**
 * The drafted first sentence in the chat, through the conversation alone: offered with the narrative question once its
 * figures are in (and said to wait for them before), used, written over or dropped with its buttons, and every forged
 * or stale button refused with nothing stored.
 */
class SentenceChatTest {

    static final long CENTRE = 3201;
    static final long CULTURE = 3202;

    @TempDir
    static Path data;
    static BotProcess bot;
    static ConversationEngine engine;
    static SentenceChoices choices;
    static ReportScope scope;
    static ReportingPeriod period;
    static Member centre;
    static Member culture;
    static int delivery;

    @BeforeAll
    static void start() {
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        engine = bot.bean(ConversationEngine.class);
        choices = bot.bean(SentenceChoices.class);
        AccessService access = bot.bean(AccessService.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = access.recognise(telegram(Office.ADMIN), "Văn phòng").orElseThrow();
        centre = access.redeem(access.createInvite(admin, "trung-tam-hcc"), telegram(CENTRE), "Lan").member();
        culture = access.redeem(access.createInvite(admin, "van-hoa-xa-hoi"), telegram(CULTURE), "Hoa").member();
        period = bot.bean(PeriodService.class).currentPeriod(scope.commune().code(), scope.report());
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Reply say(long user, String text) {
        return engine.handle(Inbound.text(telegram(user), String.valueOf(++delivery), null, text));
    }

    static Reply press(long user, String data) {
        return engine.handle(Inbound.button(telegram(user), String.valueOf(++delivery), null, data));
    }

    static String text(Reply reply) {
        return String.join("\n", reply.messages().stream().map(Outbound::text).toList());
    }

    static List<String> buttons(Reply reply) {
        return reply.messages().stream().flatMap(m -> m.buttons().stream()).flatMap(List::stream).map(Outbound.Button::data).toList();
    }

    static String question(String block) {
        return scope.report().questionsBySlot().get("muc:" + block).id();
    }

    static void answer(Member member, String row, String typed) {
        Question question = scope.report().questionsBySlot().get("bieu:" + row);
        assertThat(bot.bean(AnswerPipeline.class).answer(AnswerRequest.of(member, period, question, AnswerInput.typed(typed), null)))
                .isInstanceOf(AnswerOutcome.Stored.class);
    }

    @Test
    void theSentenceIsOfferedOnceItsFiguresAreInAndUsedOnlyAsShown() {
        String id = question("II.2.2");
        Reply waiting = press(CENTRE, "ed|" + id);
        assertThat(text(waiting)).contains("Chưa soạn được câu mở đầu cho mục này vì còn thiếu số liệu: "
                + "III.3.1 (chờ Trung tâm Phục vụ hành chính công); III.3.2.1 (chờ Trung tâm Phục vụ hành chính công)");
        assertThat(buttons(waiting)).noneMatch(d -> d.startsWith("sa|") || d.startsWith("se|") || d.startsWith("sd|"));
        // A forged «Dùng câu này» while the figures are missing stores nothing.
        assertThat(text(press(CENTRE, "sa|" + id + ":12345678"))).contains("Chưa soạn được câu mở đầu");
        assertThat(choices.of(period.getId(), "II.2.2")).isEmpty();

        answer(centre, "III.3.1", "1.837");
        answer(centre, "III.3.2.1", "1.822");
        answer(centre, "III.3.2.2", "1.814");
        Reply offered = press(CENTRE, "ed|" + id);
        assertThat(text(offered)).contains("Câu mở đầu soạn sẵn từ số liệu đã nhập:\n«Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, "
                + "giải quyết 1.822 hồ sơ, trong đó 1.814 hồ sơ trước và đúng hạn, đạt 99,56%.»")
                .contains("thay cho câu tự động ở đầu mục");
        String accept = buttons(offered).stream().filter(d -> d.startsWith("sa|")).findFirst().orElseThrow();
        assertThat(buttons(offered)).contains("se|" + id, "sd|" + id);

        // Stale and forged buttons: another question's, a question not being asked, another sentence's.
        Reply otherQuestion = press(CENTRE, accept.replace(id, question("II.2.1")));
        assertThat(otherQuestion.buttonNotice()).isEqualTo("Nút này thuộc màn hình cũ; đây là câu hiện tại.");
        assertThat(press(CULTURE, accept).buttonNotice()).isEqualTo("Nút này thuộc màn hình cũ; đây là câu hiện tại.");
        assertThat(text(press(CENTRE, "sa|" + id + ":0badf00d"))).contains("Số liệu vừa thay đổi nên câu mở đầu soạn sẵn đã được viết lại");
        assertThat(choices.of(period.getId(), "II.2.2")).isEmpty();

        // The figure changes while the sentence is on screen: the old button no longer counts.
        answer(centre, "III.3.2.2", "1.800");
        Reply changed = press(CENTRE, accept);
        assertThat(text(changed)).contains("Số liệu vừa thay đổi").contains("trong đó 1.800 hồ sơ trước và đúng hạn, đạt 98,79%");
        assertThat(choices.of(period.getId(), "II.2.2")).isEmpty();

        String current = buttons(changed).stream().filter(d -> d.startsWith("sa|")).findFirst().orElseThrow();
        Reply used = press(CENTRE, current);
        assertThat(text(used)).contains("Đã dùng câu mở đầu soạn sẵn").contains("đang dùng câu soạn sẵn");
        assertThat(choices.of(period.getId(), "II.2.2").orElseThrow().kind()).isEqualTo(SentenceChoice.Kind.ACCEPTED);
        // The block's own text is still gathered as before.
        assertThat(text(say(CENTRE, "UBND xã chỉ đạo Trung tâm thực hiện nghiêm cơ chế một cửa."))).contains("Đã lưu bản nháp");
    }

    @Test
    void anOwnVersionIsTypedAfterEditAndItsOtherNumbersAreSaid() {
        String id = question("II.3.2");
        answer(culture, "IV.2.1", "36");
        Reply offered = press(CULTURE, "ed|" + id);
        assertThat(text(offered)).contains("«Tổng số biên chế được giao là 36 người.»");
        assertThat(text(press(CULTURE, "se|" + id))).contains("Gửi câu mở đầu bạn muốn dùng");
        assertThat(text(say(CULTURE, "x".repeat(1001)))).contains("Câu mở đầu dài quá");
        assertThat(choices.of(period.getId(), "II.3.2")).isEmpty();
        Reply edited = say(CULTURE, "Tổng số biên chế được giao là 34 người.");
        assertThat(text(edited)).contains("Đã lưu câu mở đầu bạn viết").contains("Số 34 trong câu không khớp với số liệu đã nhập trong biểu")
                .contains("đang dùng câu bạn viết:\n«Tổng số biên chế được giao là 34 người.»");
        assertThat(choices.of(period.getId(), "II.3.2").orElseThrow().ownText()).isEqualTo("Tổng số biên chế được giao là 34 người.");
        // Back at the question: a text is the block's narrative again, not another version of the sentence.
        assertThat(text(say(CULTURE, "Bộ máy chính quyền xã được kiện toàn."))).contains("Đã lưu bản nháp");

        Reply dropped = press(CULTURE, "sd|" + id);
        assertThat(text(dropped)).contains("Đã bỏ câu mở đầu soạn sẵn");
        assertThat(choices.of(period.getId(), "II.3.2").orElseThrow().kind()).isEqualTo(SentenceChoice.Kind.DROPPED);
        // «Sửa câu» pressed again, then /start: the edit is given up and the question asked again.
        press(CULTURE, "se|" + id);
        assertThat(text(say(CULTURE, "/start"))).contains("Câu ").contains("Mục II.3.2");
        assertThat(choices.of(period.getId(), "II.3.2").orElseThrow().kind()).isEqualTo(SentenceChoice.Kind.DROPPED);
    }
}
