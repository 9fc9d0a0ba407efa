package vn.communereport.testsupport.web;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletContext;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * The real application without Telegram (it has a bot token, to check Mini App signatures, but polls nothing), on a
 * clock the test moves, with MockMvc over its controllers and the same filters, in the same order, as the server.
 * Office administrator: Telegram user {@link Office#ADMIN}; {@link #member} adds department members.
 */
public final class WebApp implements AutoCloseable {

    public static final String TOKEN = BotProcess.TOKEN;

    private final BotProcess bot;
    private final MutableClock clock;
    private final MockMvc mvc;

    private WebApp(BotProcess bot, MutableClock clock) {
        this.bot = bot;
        this.clock = clock;
        this.mvc = mockMvc(bot);
    }

    public static WebApp start(Path data) {
        return start(data, Map.of());
    }

    public static WebApp start(Path data, Map<String, String> extra) {
        MutableClock clock = new MutableClock(ZonedDateTime.parse("2026-12-01T09:00:00+07:00[Asia/Ho_Chi_Minh]"));
        Map<String, String> settings = new HashMap<>(Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"));
        settings.putAll(extra);
        return new WebApp(BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN), settings, clock), clock);
    }

    public MockMvc mvc() {
        return mvc;
    }

    public BotProcess bot() {
        return bot;
    }

    public MutableClock clock() {
        return clock;
    }

    public String baseUrl() {
        return WebSessions.baseUrl(bot);
    }

    public Member officeAdmin() {
        return bot.bean(AccessService.class).find(telegram(Office.ADMIN)).orElseThrow();
    }

    /** A new member of the department, joined with an invite as through the bot, known as this Telegram user. */
    public Member member(String department, long telegramUserId, String name) {
        AccessService access = bot.bean(AccessService.class);
        return access.redeem(access.createInvite(officeAdmin(), department), telegram(telegramUserId), name).member();
    }

    public Optional<Member> find(long telegramUserId) {
        return bot.bean(AccessService.class).find(telegram(telegramUserId));
    }

    public static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    @Override
    public void close() {
        bot.close();
    }

    /** MockMvc with the application's servlet filters on their own paths and in their own order, as Tomcat runs them. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static MockMvc mockMvc(BotProcess bot) {
        WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(bot.bean(ServletContext.class));
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .sorted(java.util.Comparator.comparingInt(r -> ((Ordered) r).getOrder()))
                .forEach(r -> builder.addFilter(((FilterRegistrationBean) r).getFilter(),
                        (String[]) ((FilterRegistrationBean) r).getUrlPatterns().toArray(String[]::new)));
        return builder.build();
    }
}
