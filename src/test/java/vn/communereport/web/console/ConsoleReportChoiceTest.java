package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/**
 * With two reports open, the console asks the office which one to work on (the same choice as /baocao in the chat),
 * switches on request, and refuses a report that is not the commune's, changing nothing.
 */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H",
        "app.office-admin-ids=", "spring.datasource.url=jdbc:h2:mem:console-report-choice;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class ConsoleReportChoiceTest {

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

    @Test
    void withTwoReportsOpenTheOfficeChoosesOneThenSwitches() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        Member admin = fixture.admin(1001, "Lò Văn Phòng");
        WebPrincipal principal = ConsoleFixture.principal(admin);
        // The six-monthly report opens by itself; the office opens the yearly one.
        fixture.period();
        ReportScope yearly = scopes.of(ConsoleFixture.COMMUNE, "cchc-nam").orElseThrow();
        periods.open(yearly.communeCode(), yearly.report(), PeriodKey.containing(yearly.report().frequency(), LocalDate.now(clock)),
                clock.instant().plus(Duration.ofDays(10)));

        // Not chosen yet: every console page sends the office to the choice, and nothing is done meanwhile.
        mvc.perform(get("/app/office").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(redirectedUrl("/app/office/report-choice"));
        mvc.perform(get("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đang có nhiều báo cáo mở")))
                .andExpect(content().string(containsString("value=\"cchc\"")))
                .andExpect(content().string(containsString("value=\"cchc-nam\"")));

        // Another commune's or an unknown report is refused and chooses nothing.
        mvc.perform(post("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, principal).param("report", "tu-phap"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không có gì thay đổi")));
        assertThat(reportOf(admin)).isNull();

        mvc.perform(post("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, principal).param("report", "cchc-nam"))
                .andExpect(redirectedUrl("/app/office?done=report"));
        assertThat(reportOf(admin)).isEqualTo("cchc-nam");
        mvc.perform(get("/app/office").param("done", "report").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Báo cáo cải cách hành chính năm")))
                .andExpect(content().string(containsString("Từ giờ trang này làm báo cáo đã chọn")))
                .andExpect(content().string(containsString("Đổi báo cáo")));

        // Switching back to the six-monthly one.
        mvc.perform(post("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, principal).param("report", "cchc"))
                .andExpect(redirectedUrl("/app/office?done=report"));
        mvc.perform(get("/app/office").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Báo cáo cải cách hành chính năm"))));
        assertThat(reportOf(admin)).isEqualTo("cchc");
    }

    @Test
    void aMemberWhoIsNotOfTheOfficeCannotChoose() throws Exception {
        ConsoleFixture fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        Member admin = fixture.admin(1101, "Lò Văn Phòng");
        Member lan = fixture.member(admin, "kinh-te", 2101, "Hà Thị Lan");
        mvc.perform(get("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(lan)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(lan))
                .param("report", "cchc")).andExpect(status().isForbidden());
        assertThat(reportOf(lan)).isNull();
    }

    @Test
    void aYearlyReportNotOpenedYetIsShownAsNotOpenedThenOpenThenClosed() throws Exception {
        // Mẫu Thử, where nothing of the yearly report has happened yet.
        access.ensureOfficeAdmins("mau-thu", java.util.List.of(ConsoleFixture.telegram(1301)));
        Member admin = access.recognise(ConsoleFixture.telegram(1301), "Văn Thị Mẫu").orElseThrow();
        WebPrincipal principal = ConsoleFixture.principal(admin);
        mvc.perform(post("/app/office/report-choice").requestAttr(WebPrincipal.ATTRIBUTE, principal).param("report", "cchc-nam"))
                .andExpect(redirectedUrl("/app/office?done=report"));
        mvc.perform(get("/app/office/period").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chưa mở")))
                .andExpect(content().string(not(containsString("đã đóng"))));
        mvc.perform(get("/app/office").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(content().string(containsString("Kỳ này chưa mở")));

        ReportScope yearly = scopes.of("mau-thu", "cchc-nam").orElseThrow();
        PeriodService.Opening opened = periods.open("mau-thu", yearly.report(),
                PeriodKey.containing(yearly.report().frequency(), LocalDate.now(clock)), clock.instant().plus(Duration.ofDays(10)));
        periods.close(opened.period().getId());
        mvc.perform(get("/app/office/period").requestAttr(WebPrincipal.ATTRIBUTE, principal))
                .andExpect(content().string(containsString("đã đóng")))
                .andExpect(content().string(not(containsString("chưa mở"))));
    }

    private String reportOf(Member member) {
        return jdbc.queryForObject("select report_code from member where id = ?", String.class, member.getId());
    }
}
