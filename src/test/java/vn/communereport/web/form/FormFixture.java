package vn.communereport.web.form;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.web.WebPrincipal;

/** The real application against the Bot API stand-in, with members who joined through the bot, and MockMvc on it. */
final class FormFixture implements AutoCloseable {

    static final String CSRF = "csrf-token-of-the-session";

    final FakeBotApi api;
    final BotProcess bot;
    final FakeUser admin;
    final MockMvc mvc;

    FormFixture(Path data) {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
        admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        // The dispatcher knows its web context: the one the application runs, with its filters, converters and advice.
        WebApplicationContext context = bot.bean(DispatcherServlet.class).getWebApplicationContext();
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    FakeUser join(String department, long id, String name) {
        return Office.join(api, admin, department, id, name);
    }

    Member member(FakeUser user) {
        String id = String.valueOf(user.id());
        return bot.bean(AccessService.class).find(new ChannelIdentity("telegram", id, id)).orElseThrow();
    }

    WebPrincipal principal(FakeUser user) {
        Member member = member(user);
        return new WebPrincipal(member.getId(), member.getCommuneCode(), member.isOfficeAdmin(), CSRF);
    }

    /** A request as the session filter hands it on: with the member's principal. */
    MockHttpServletRequestBuilder as(FakeUser user, MockHttpServletRequestBuilder request) {
        return request.requestAttr(WebPrincipal.ATTRIBUTE, principal(user)).header("X-CSRF-Token", CSRF);
    }

    ReportScope scope() {
        return bot.bean(ReportScopes.class).all().get(0);
    }

    Flow flow(String department) {
        return scope().flowOf(department).orElseThrow();
    }

    ReportingPeriod period() {
        return bot.bean(PeriodService.class).currentPeriod(scope());
    }

    Map<String, Answer> answers(String department) {
        return bot.bean(CollectionService.class).departmentAnswers(period().getId(), department);
    }

    static String save(long period, String q, String value) {
        return "{\"period\":" + period + ",\"q\":\"" + q + "\",\"value\":" + (value == null ? "null" : "\"" + value + "\"") + "}";
    }

    @Override
    public void close() {
        bot.close();
        api.close();
    }
}
