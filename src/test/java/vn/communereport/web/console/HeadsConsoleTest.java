package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/** The members page names a head and removes one; the person is told; a member of no department is refused. */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H",
        "app.office-admin-ids=", "spring.datasource.url=jdbc:h2:mem:console-heads;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class HeadsConsoleTest {

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
    DepartmentHeads heads;

    ConsoleFixture fixture;
    Member admin;
    Member lan;

    @BeforeEach
    void seed() {
        fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        admin = fixture.admin(1001, "Lò Văn Phòng");
        lan = access.activeMembers(ConsoleFixture.COMMUNE).stream().filter(m -> "kinh-te".equals(m.getDepartmentCode())).findFirst()
                .orElseGet(() -> fixture.member(admin, "kinh-te", 2001, "Hà Thị Lan"));
    }

    MockHttpServletRequestBuilder form(String path) throws Exception {
        String page = mvc.perform(get("/app/office").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin)))
                .andReturn().getResponse().getContentAsString();
        return post(path).requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin)).param("_csrf", ConsoleFixture.CSRF)
                .param("_once", ConsoleFixture.once(page));
    }

    String membersPage() throws Exception {
        return mvc.perform(get("/app/office/members").requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theOfficeNamesAndRemovesAHeadFromTheMembersPage() throws Exception {
        assertThat(membersPage()).contains("/app/office/members/" + lan.getId() + "/head");
        mvc.perform(form("/app/office/members/" + lan.getId() + "/head")).andExpect(redirectedUrl("/app/office/members?done=head-named"));
        assertThat(heads.isHead(access.byId(lan.getId()).orElseThrow())).isTrue();
        assertThat(fixture.messagesTo(lan)).last().asString().contains("cử bạn làm trưởng phòng");
        assertThat(membersPage()).contains("Trưởng phòng").contains("/app/office/heads/kinh-te/remove");

        mvc.perform(form("/app/office/heads/kinh-te/remove")).andExpect(redirectedUrl("/app/office/members?done=head-removed"));
        assertThat(heads.headOf(ConsoleFixture.COMMUNE, "kinh-te")).isEmpty();
        assertThat(fixture.messagesTo(lan)).last().asString().contains("không còn là trưởng phòng");

        long before = fixture.outboxSize();
        mvc.perform(form("/app/office/heads/kinh-te/remove")).andExpect(status().isNotFound());
        mvc.perform(form("/app/office/members/424242/head")).andExpect(status().isNotFound());
        mvc.perform(form("/app/office/members/" + admin.getId() + "/head")).andExpect(status().isNotFound());
        assertThat(fixture.outboxSize()).isEqualTo(before);
        assertThat(jdbc.queryForList("select event from department_head_event where department_code = 'kinh-te' order by id", String.class))
                .containsExactly("HEAD_NAMED", "HEAD_REMOVED");
    }
}
