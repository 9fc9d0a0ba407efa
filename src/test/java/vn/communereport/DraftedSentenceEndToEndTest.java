package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentDocument;
import vn.communereport.testsupport.botapi.SentMessage;

/** Through the Bot API stand-in: a member uses the drafted first sentence of II.2.2 and the office's draft DOCX holds it. */
@LongRunning
class DraftedSentenceEndToEndTest {

    static final String SENTENCE = "Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải quyết 1.822 hồ sơ, trong đó 1.814 hồ sơ trước "
            + "và đúng hạn, đạt 99,56%.";

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
    void aMemberUsesTheDraftedSentenceAndTheOfficesDraftHoldsIt() throws IOException {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser lan = Office.join(api, admin, "trung-tam-hcc", 2101, "Lan");
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Flow flow = scope.report().flow("trung-tam-hcc").orElseThrow();
        Map<String, String> figures = new java.util.HashMap<>(SeedReport.tableValues(scope.report()));
        figures.putAll(Map.of("III.3.1", "1.837", "III.3.2.1", "1.822", "III.3.2.2", "1.814"));
        Function<Question, String> answers = FlowDriver.fromTable(figures);
        FlowDriver driver = new FlowDriver(lan, flow, answers);

        Question results = scope.report().questionsBySlot().get("muc:II.2.2");
        SentMessage asked = driver.answerUntilReview(lan.awaitText("Câu 1/", WAIT), flow.indexOf(results.id()));
        assertThat(driver.questionIn(asked)).isEqualTo(results);
        assertThat(asked.text()).contains("«" + SENTENCE + "»");
        lan.presses(asked.buttonData().stream().filter(d -> d.startsWith("sa|" + results.id() + ":")).findFirst().orElseThrow());
        SentMessage used = lan.awaitText("Đã dùng câu mở đầu soạn sẵn", WAIT);
        assertThat(driver.questionIn(used)).isEqualTo(results);
        driver.answerUntilReview(used, Integer.MAX_VALUE);

        admin.sends("/duthao");
        SentDocument docx = admin.awaitDocument(WAIT);
        assertThat(docx.fileName()).startsWith("DuThao_CCHC_").endsWith(".docx");
        List<String> paragraphs = new XWPFDocument(new ByteArrayInputStream(docx.bytes())).getBodyElements().stream()
                .filter(e -> e instanceof XWPFParagraph).map(e -> ((XWPFParagraph) e).getText()).toList();
        int heading = paragraphs.indexOf("2.2. Kết quả triển khai thực hiện");
        assertThat(paragraphs.get(heading + 1)).isEqualTo(SENTENCE);
        assertThat(paragraphs.get(heading + 2)).startsWith("Nội dung mục II.2.2 do phòng soạn");
        assertThat(String.join("\n", paragraphs)).doesNotContain("tổng số hồ sơ TTHC tiếp nhận là");
    }
}
