package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * An answer always goes to the question the person meant: Telegram's reply on an earlier question's message
 * answers that question, never silently the current one.
 */
@LongRunning
class ReplyToEarlierQuestionTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    FakeUser admin;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
        admin = api.user(Office.ADMIN, "Lò Văn Phòng");
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void aReplyToAnEarlierQuestionAnswersThatQuestionAndTheFlowGoesOnWhereItWas() {
        List<Question> questions = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().report().flow("kinh-te").orElseThrow().questions();
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        SentMessage first = lan.awaitText("Câu 1/", WAIT);
        lan.sends("500");
        SentMessage second = lan.awaitText("Câu 2/", WAIT);
        lan.sends("300");
        lan.awaitText("Câu 3/", WAIT);

        lan.replyTo(first, "450");
        SentMessage back = lan.awaitText("Đã lưu cho Câu 1", WAIT);
        assertThat(back.text()).contains("Đã lưu cho Câu 1").contains("450").contains("Câu 3/");
        assertThat(stored(questions.get(0))).isEqualByComparingTo("450");
        assertThat(stored(questions.get(1))).isEqualByComparingTo("300");
        assertThat(answer(questions.get(2))).as("the current question is not answered by the reply").isEmpty();

        // A reply to the question being asked is just its answer.
        SentMessage third = lan.lastMessage();
        lan.replyTo(third, "2");
        lan.awaitText("Câu 4/", WAIT);
        assertThat(stored(questions.get(2))).isEqualByComparingTo("2");

        // A reply that is not an answer is refused for the question it replies to; nothing changes.
        lan.replyTo(second, "ba trăm");
        SentMessage refused = lan.awaitText("Câu 2/", WAIT);
        assertThat(refused.text()).contains("không phải là một số");
        assertThat(stored(questions.get(1))).isEqualByComparingTo("300");
    }

    @Test
    void aColleaguesChangeSinceTheRepliedMessageIsNotSilentlyOverwritten() {
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        FakeUser minh = Office.join(api, admin, "kinh-te", 2002, "Minh");
        SentMessage lansFirst = lan.awaitText("Câu 1/", WAIT);
        minh.awaitText("Câu 1/", WAIT);
        minh.sends("700");
        minh.awaitText("Câu 2/", WAIT);
        lan.sends("/xem");
        lan.awaitText("📋", WAIT);
        lan.sends("/start");
        lan.awaitText("Câu 2/", WAIT);
        // Lan replies to the message that showed question 1 before Minh answered it.
        lan.replyTo(lansFirst, "650");
        SentMessage asked = lan.awaitText("vừa được", WAIT);
        assertThat(asked.buttonData()).anyMatch(d -> d.startsWith("ow|"));
        Question first = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow().report().flow("kinh-te").orElseThrow().questions().get(0);
        assertThat(stored(first)).isEqualByComparingTo("700");
    }

    private java.util.Optional<vn.communereport.collection.Answer> answer(Question question) {
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        return bot.bean(CollectionService.class).answer(period.getId(), question.id());
    }

    private java.math.BigDecimal stored(Question question) {
        return answer(question).orElseThrow().value().number();
    }
}
