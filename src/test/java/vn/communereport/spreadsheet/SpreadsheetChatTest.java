package vn.communereport.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Texts;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentDocument;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * The round trip in the chat, through the real application and the Bot API stand-in: /bangtinh sends the template,
 * the member fills it and sends it back as a document, the bot fetches it (getFile, then the file's path) and answers
 * row by row; the figures with warnings are stored once the member presses the confirmation button.
 */
@LongRunning
class SpreadsheetChatTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    FakeUser admin;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of("app.reminders.initial-delay", "PT24H"));
        admin = api.user(Office.ADMIN, "Lò Văn Phòng");
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void bangtinhSendsTheTemplateAndTheFilledFileSentBackIsStoredRowByRow() {
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Flow flow = context.report().flow("kinh-te").orElseThrow();
        Texts texts = bot.bean(Texts.class);
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        lan.awaitText("Câu 1/", WAIT);

        lan.sends("/bangtinh");
        SentDocument template = lan.awaitDocument(WAIT);
        assertThat(template.fileName()).startsWith("BangSoLieu_CCHC_").endsWith("_KinhTe.xlsx");
        assertThat(lan.lastMessage().text()).contains("Bảng số liệu của Phòng Kinh tế");

        Function<Question, String> seed = FlowDriver.fromTable(SeedReport.tableValues(context.report()));
        // Disbursed above the plan (VI.1.2 ≤ VI.1.1 is a warning): stored only once confirmed.
        Map<String, String> unusual = Map.of("bieu:VI.1.1", "100,5", "bieu:VI.1.2", "120");
        Function<Question, String> typed = q -> unusual.getOrDefault(q.fills().toString(), seed.apply(q));
        byte[] filled = Workbooks.edit(template.bytes(), wb -> {
            Map<String, Cell> cells = Workbooks.valueCells(wb);
            for (Question question : flow.questions()) {
                String value = typed.apply(question);
                cells.get(question.id()).setCellValue(question.type() == QuestionType.YESNO ? "Có" : value);
            }
        });
        lan.sendsDocument("BangSoLieu_da_dien.xlsx", filled);
        SentMessage answer = lan.awaitText("Đã đọc tệp «BangSoLieu_da_dien.xlsx»", WAIT);
        assertThat(answer.text()).contains("✅ Đã lưu:");
        assertThat(api.calls("getFile")).hasSize(1);
        SentMessage last = lan.lastMessage();
        assertThat(last.text()).contains("Cần xác nhận", "VI.1.2");
        String button = last.buttonData().stream().filter(d -> d.startsWith("xls|")).findFirst().orElseThrow();
        assertThat(button.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        Question disbursed = context.report().questionsBySlot().get("bieu:VI.1.2");
        CollectionService collection = bot.bean(CollectionService.class);
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(context.commune().code(), context.report());
        assertThat(collection.answer(period.getId(), disbursed.id())).as("not before it is confirmed").isEmpty();
        lan.presses(button);
        lan.awaitText("lý do giữ các số liệu có cảnh báo", WAIT);
        lan.sends("ok");
        lan.awaitText("Lý do quá ngắn", WAIT);
        assertThat(collection.answer(period.getId(), disbursed.id())).as("not without a reason").isEmpty();
        lan.sends("Kế hoạch vốn được bổ sung giữa kỳ");
        SentMessage confirmed = lan.awaitText("Đã đọc tệp", WAIT);
        assertThat(confirmed.text()).contains("✅ Đã lưu:", "VI.1.2");
        assertThat(confirmed.buttonData()).isEmpty();
        assertThat(collection.history(period.getId(), disbursed.id())).last().extracting(CollectionService.Change::reason)
                .isEqualTo("Kế hoạch vốn được bổ sung giữa kỳ");

        for (Question question : flow.questions()) {
            var stored = collection.answer(period.getId(), question.id());
            String value = typed.apply(question);
            if (question.type() == QuestionType.NARRATIVE) {
                assertThat(stored.orElseThrow().value().text()).as(question.id()).isEqualTo(value);
            } else if (value.isEmpty()) {
                assertThat(stored).as(question.id()).isEmpty();
            } else {
                BigDecimal expected = question.type() == QuestionType.YESNO ? BigDecimal.ONE
                        : question.type().read(value, question.unit(), texts).number();
                assertThat(stored.orElseThrow().value().number()).as(question.id()).isEqualByComparingTo(expected);
            }
        }

        // A picture sent as a file, and a file above the limit, which is not even fetched.
        lan.sendsDocument("anh.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        assertThat(lan.awaitText("Không nhập tệp «anh.jpg»", WAIT).text()).contains("không phải là bảng tính Excel");
        lan.sendsDocument("to.xlsx", new byte[6 * 1024 * 1024]);
        assertThat(lan.awaitText("quá lớn", WAIT).text()).contains("to.xlsx", "tối đa 5,0 MB");
        assertThat(api.calls("getFile")).as("the big file was refused before fetching it").hasSize(2);
    }
}
