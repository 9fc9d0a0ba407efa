package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/** Opening a period with its deadline from the console, and closing it: members told once, bad input changes nothing. */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H",
        "app.office-admin-ids=", "spring.datasource.url=jdbc:h2:mem:console-period;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class ConsolePeriodTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessService access;
    @Autowired
    AnswerPipeline pipeline;
    @Autowired
    PeriodService periods;
    @Autowired
    ReportScopes scopes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CollectionService collection;
    @Autowired
    Clock clock;

    Member admin;

    MockHttpServletRequestBuilder form(String path, String... fields) throws Exception {
        String page = mvc.perform(get("/app/office/period").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        MockHttpServletRequestBuilder request = post(path).requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin))
                .param("_csrf", ConsoleFixture.CSRF).param("_once", ConsoleFixture.once(page));
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    @Test
    void theOfficeOpensAPeriodWithItsDeadlineAndClosesIt() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        admin = fixture.admin(1001, "Lò Văn Phòng");
        Member lan = fixture.member(admin, "kinh-te", 2001, "Hà Thị Lan");
        Member hoa = fixture.member(admin, "trung-tam-hcc", 2002, "Vàng Thị Hoa");
        ReportingPeriod current = fixture.period();
        String key = current.key().key();
        LocalDate day = LocalDate.now(clock).plusDays(20);
        long before = fixture.outboxSize();

        // Unreadable, past, a period not offered: refused, nothing stored or sent.
        mvc.perform(form("/app/office/period/open", "period", key, "date", "15/12/2026")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Không đọc được ngày")));
        mvc.perform(form("/app/office/period/open", "period", key, "date", LocalDate.now(clock).minusDays(1).toString()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Hạn nộp phải sau")));
        mvc.perform(form("/app/office/period/open", "period", "1999-H1", "date", day.toString())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không mở được từ đây")));
        mvc.perform(form("/app/office/period/open", "period", "rubbish", "date", day.toString())).andExpect(status().isBadRequest());
        assertThat(fixture.period().getDeadline()).isNull();
        assertThat(fixture.outboxSize()).isEqualTo(before);

        mvc.perform(form("/app/office/period/open", "period", key, "date", day.toString(), "time", "16:00"))
                .andExpect(redirectedUrl("/app/office/period?done=opened"));
        ZoneId zone = clock.getZone();
        assertThat(fixture.period().getDeadline()).isEqualTo(day.atTime(16, 0).atZone(zone).toInstant());
        assertThat(fixture.messagesTo(lan)).last().asString().contains("đã mở").contains("16:00");
        assertThat(fixture.messagesTo(hoa)).last().asString().contains("Trung tâm Phục vụ hành chính công");
        long opened = fixture.outboxSize();
        assertThat(opened).isEqualTo(before + 2);
        assertThat(mvc.perform(get("/app/office/period?done=opened").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin)))
                .andReturn().getResponse().getContentAsString()).contains("đang mở, hạn nộp 16:00");

        // The same deadline again (a resent page): the members are not told twice.
        mvc.perform(form("/app/office/period/open", "period", key, "date", day.toString(), "time", "16:00"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("đúng hạn nộp này")));
        // Another period while this one is open: refused.
        PeriodKey next = current.key().next();
        mvc.perform(form("/app/office/period/open", "period", next.key(), "date", day.toString())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("đang mở")));
        assertThat(fixture.outboxSize()).isEqualTo(opened);

        // Closing: the stale id is refused; then the period closes and those who owe are told.
        mvc.perform(form("/app/office/period/close", "periodId", "987654")).andExpect(status().isConflict());
        assertThat(fixture.period().isOpen()).isTrue();
        collection.submit(fixture.period(), "trung-tam-hcc", hoa.getId(), fixture.scope().owingDepartments());
        mvc.perform(form("/app/office/period/close", "periodId", String.valueOf(current.getId())))
                .andExpect(redirectedUrl("/app/office/period?done=closed"));
        assertThat(periods.byId(current.getId()).orElseThrow().isOpen()).isFalse();
        assertThat(fixture.messagesTo(lan)).last().asString().contains("đã đóng").contains("chưa được nộp");
        assertThat(fixture.messagesTo(hoa)).last().asString().doesNotContain("đã đóng");
        long closed = fixture.outboxSize();
        mvc.perform(form("/app/office/period/close", "periodId", String.valueOf(current.getId()))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("không còn mở")));
        mvc.perform(form("/app/office/period/close", "periodId", "x")).andExpect(status().isBadRequest());
        assertThat(fixture.outboxSize()).isEqualTo(closed);
    }
}
