package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.DispatcherServlet;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.FlowDriver;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.SeedReport;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;
import vn.communereport.web.WebPrincipal;

/**
 * The console and the chat are views of one application: a part submitted in the chat shows in the console's grid and
 * in the DOCX it downloads, and a reopening done in the console reaches the members in their Telegram chats.
 */
@LongRunning
class ConsoleEndToEndTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;
    FakeUser admin;
    MockMvc console;
    WebPrincipal office;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
        admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        console = MockMvcBuilders.webAppContextSetup(bot.bean(DispatcherServlet.class).getWebApplicationContext()).build();
        String id = String.valueOf(Office.ADMIN);
        Member member = bot.bean(AccessService.class).find(new ChannelIdentity("telegram", id, id)).orElseThrow();
        office = new WebPrincipal(member.getId(), member.getCommuneCode(), true, "csrf-e2e");
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    String page(String path) throws Exception {
        return console.perform(get(path).requestAttr(WebPrincipal.ATTRIBUTE, office)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPartSubmittedInTheChatShowsInTheConsoleAndAReopeningThereReachesTheChat() throws Exception {
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        FakeUser minh = Office.join(api, admin, "kinh-te", 2002, "Minh");
        minh.awaitText("Câu 1/", WAIT);
        ReportScope context = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Flow economy = context.report().flow("kinh-te").orElseThrow();
        Map<String, String> seed = SeedReport.tableValues(context.report());
        new FlowDriver(lan, economy, FlowDriver.fromTable(seed)).answerUntilReview(lan.awaitText("Câu 1/", WAIT), Integer.MAX_VALUE);
        Office.submit(lan);

        String grid = page("/app/office");
        assertThat(grid).contains("Đã nộp 1/4 phần.").contains("người nộp: Lan (" + economy.size() + " câu)");
        String part = page("/app/office/departments/kinh-te");
        String planned = seed.get("VI.1.1");
        assertThat(part).contains("VI.1.1").contains(planned).contains("name=\"comment\"");

        byte[] docx = console.perform(get("/app/office/report/docx").requestAttr(WebPrincipal.ATTRIBUTE, office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains(planned).contains(seed.get("VI.1.2")).contains(seed.get("VI.2.1"));
        }

        String comment = "Số giải ngân VI.1.2 chưa khớp với Kho bạc, đề nghị kiểm tra lại.";
        console.perform(post("/app/office/departments/kinh-te/reopen").requestAttr(WebPrincipal.ATTRIBUTE, office)
                        .param("_csrf", office.csrfToken()).param("_once", ConsoleFixture.once(part)).param("comment", comment))
                .andExpect(redirectedUrl("/app/office/departments/kinh-te?done=reopened"));
        for (FakeUser member : new FakeUser[] {lan, minh}) {
            SentMessage told = member.awaitText("mở lại để sửa", WAIT);
            assertThat(told.text()).contains(comment).contains("Lò Văn Phòng");
        }
        // The chat sees the part open again: the review offers to edit and submit.
        lan.sends("/xem");
        SentMessage review = lan.awaitMessage(m -> m.buttonData().contains("sub"), WAIT);
        assertThat(review.buttonData()).contains("edl|0");
        assertThat(page("/app/office")).contains("Được mở lại").contains("Lý do mở lại: " + comment);
        admin.sends("/tiendo");
        assertThat(admin.awaitText("Tiến độ", WAIT).text()).contains("↩️ Phòng Kinh tế: được mở lại");
    }
}
