package vn.communereport.web.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
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
import vn.communereport.testsupport.botapi.SentMessage;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebSessions;

/**
 * Through the Bot API stand-in and real HTTP: a member answers Phòng Kinh tế's part in the chat and submits; the head's
 * request in Telegram points to the web page; the head approves in the browser; the member is told in Telegram and the
 * office gets "all parts are in" with its compile button, as when the head approves in the chat.
 */
@LongRunning
class HeadApprovesInBrowserEndToEndTest {

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN),
                Map.of("app.reminders.initial-delay", "PT24H", "app.public-url", "http://baocao.example.vn"));
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void memberSubmitsInTheChatHeadApprovesInTheBrowserOfficeIsToldAllAreIn() throws Exception {
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser member = Office.join(api, admin, "kinh-te", 2001, "Hà Thị Kinh");
        FakeUser head = Office.join(api, admin, "kinh-te", 2002, "Lò Văn Trưởng");
        AccessService access = bot.bean(AccessService.class);
        Member headMember = WebSessions.telegramMember(bot, 2002);
        bot.bean(DepartmentHeads.class).name(WebSessions.telegramMember(bot, Office.ADMIN), headMember.getId());
        otherPartsIn(scope, access);

        new FlowDriver(member, scope.report().flow("kinh-te").orElseThrow(), FlowDriver.fromTable(SeedReport.tableValues(scope.report())))
                .answerUntilReview(member.awaitText("Câu 1/", WAIT), Integer.MAX_VALUE);
        Office.submit(member);
        member.awaitText("gửi tới trưởng phòng Lò Văn Trưởng", WAIT);
        SentMessage request = head.awaitMessage(m -> m.buttonData().stream().anyMatch(d -> d.startsWith("hok|")), WAIT);
        assertThat(request.text()).contains("Hoặc duyệt trên web: http://baocao.example.vn/app/approval");

        // In the browser: the head's page lists the part; «Duyệt».
        SignedIn browser = WebSessions.signIn(bot, headMember);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String base = WebSessions.baseUrl(bot);
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/app/approval")).header("Cookie", browser.cookieHeader()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Phòng Kinh tế – kỳ").contains("Hà Thị Kinh");
        Matcher form = Pattern.compile("action=\"(/app/approval/\\d+/approve)\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">"
                + "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">").matcher(page);
        assertThat(form.find()).as(page).isTrue();
        HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(base + form.group(1))).header("Cookie", browser.cookieHeader())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrfToken() + "&version=" + form.group(2))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);

        // Telegram: the member is told, the office gets "all parts are in"; the chat's old «Duyệt» is stale now.
        member.awaitText("đã được Lò Văn Trưởng duyệt", WAIT);
        SentMessage allIn = admin.awaitText("Đã nhận đủ tất cả các phần", WAIT);
        assertThat(allIn.buttonData()).anyMatch(d -> d.startsWith("draft|"));
        head.presses(request.buttonData().stream().filter(d -> d.startsWith("hok|")).findFirst().orElseThrow());
        head.awaitText("không còn dùng được", WAIT);
        admin.sends("/tiendo");
        assertThat(admin.awaitText("Tiến độ", WAIT).text()).contains("Đã nộp 4/4 phần");
    }

    /** The three other departments hand their parts in (no head named: each counts as in on submission). */
    private void otherPartsIn(ReportScope scope, AccessService access) {
        CollectionService collection = bot.bean(CollectionService.class);
        ReportingPeriod period = bot.bean(PeriodService.class).currentPeriod(scope);
        Member office = WebSessions.telegramMember(bot, Office.ADMIN);
        long user = 3001;
        for (String department : List.of("van-phong", "van-hoa-xa-hoi", "trung-tam-hcc")) {
            Member member = access.redeem(access.createInvite(office, department),
                    new ChannelIdentity("telegram", String.valueOf(user), String.valueOf(user++)), "Cán bộ").member();
            Flow flow = scope.report().flow(department).orElseThrow();
            for (Question question : flow.questions()) {
                collection.save(period, question, question.type().numeric() ? AnswerValue.ofNumber(BigDecimal.ONE)
                        : AnswerValue.ofText("05/01/2026"), member.getId(), null, false);
            }
            assertThat(collection.submit(period, department, member.getId(), scope.owingDepartments()).submitted()).isTrue();
        }
    }
}
