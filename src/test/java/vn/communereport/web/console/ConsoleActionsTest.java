package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.communereport.access.AccessService;
import vn.communereport.access.InviteOutcome;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/**
 * The console's changes: reopening with a comment, reminding, invites and revocations. Each one acts once, tells the
 * members through the outbox, and refuses bad input (a stranger, an unknown id, a repeated form) changing nothing.
 */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H",
        "app.office-admin-ids=", "spring.datasource.url=jdbc:h2:mem:console-actions;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class ConsoleActionsTest {

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

    static ConsoleFixture fixture;
    static Member admin;
    static Member lan;
    static Member minh;
    static Member hoa;
    static long nextUser = 3000;

    @BeforeEach
    void seed() {
        if (fixture != null) {
            return;
        }
        fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        admin = fixture.admin(1001, "Lò Văn Phòng");
        lan = fixture.member(admin, "kinh-te", 2001, "Hà Thị Lan");
        minh = fixture.member(admin, "kinh-te", 2002, "Lò Văn Minh");
        hoa = fixture.member(admin, "trung-tam-hcc", 2003, "Vàng Thị Hoa");
    }

    MockHttpServletRequestBuilder as(Member member, MockHttpServletRequestBuilder request) {
        return request.requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(member));
    }

    /** The one-time token of a fresh page, as the office's browser would send it back. */
    String once() throws Exception {
        String page = mvc.perform(as(admin, get("/app/office"))).andReturn().getResponse().getContentAsString();
        return ConsoleFixture.once(page);
    }

    MockHttpServletRequestBuilder form(String path, String once, String... fields) {
        MockHttpServletRequestBuilder request = as(admin, post(path)).param("_csrf", ConsoleFixture.CSRF).param("_once", once);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    @Test
    void reopeningASubmittedPartTellsItsMembersTheCommentOnce() throws Exception {
        collection.submit(fixture.period(), "kinh-te", lan.getId(), fixture.scope().owingDepartments());
        long before = fixture.outboxSize();
        String once = once();

        // Blank: refused with the reason, the part stays submitted, the typed form is shown again.
        mvc.perform(form("/app/office/departments/kinh-te/reopen", once, "comment", "   ")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Lý do cần có nội dung")));
        assertThat(collection.isSubmitted(fixture.period().getId(), "kinh-te")).isTrue();

        String comment = "Số giải ngân VI.1.2 chưa khớp với Kho bạc.";
        String again = once();
        mvc.perform(form("/app/office/departments/kinh-te/reopen", again, "comment", comment))
                .andExpect(redirectedUrl("/app/office/departments/kinh-te?done=reopened"));
        assertThat(collection.isSubmitted(fixture.period().getId(), "kinh-te")).isFalse();
        for (Member member : List.of(lan, minh)) {
            assertThat(fixture.messagesTo(member)).last().asString().contains("mở lại để sửa").contains(comment).contains("Lò Văn Phòng");
        }
        assertThat(fixture.outboxSize()).isEqualTo(before + 2);
        assertThat(mvc.perform(as(admin, get("/app/office/departments/kinh-te?done=reopened"))).andReturn().getResponse()
                .getContentAsString()).contains("Đã mở lại phần này").contains("Lý do mở lại: " + comment);

        // The same form again (a double tap): refused, nobody is told twice.
        mvc.perform(form("/app/office/departments/kinh-te/reopen", again, "comment", comment)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("đã được gửi rồi")));
        // A fresh form for a part no longer submitted: refused too.
        mvc.perform(form("/app/office/departments/kinh-te/reopen", once(), "comment", comment)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("chưa nộp")));
        assertThat(fixture.outboxSize()).isEqualTo(before + 2);
    }

    @Test
    void remindersGoToThoseWhoOweAndAreSentOncePerForm() throws Exception {
        Member tuan = fixture.member(admin, "van-hoa-xa-hoi", ++nextUser, "Lù Văn Tuấn");
        long before = fixture.outboxSize();
        String once = once();
        mvc.perform(form("/app/office/remind", once, "department", "van-hoa-xa-hoi")).andExpect(redirectedUrl("/app/office?done=reminded&n=1"));
        assertThat(fixture.messagesTo(tuan)).last().asString().contains("Phòng Văn hóa - Xã hội");
        mvc.perform(form("/app/office/remind", once, "department", "van-hoa-xa-hoi")).andExpect(status().isConflict());
        mvc.perform(form("/app/office/remind", once(), "department", "phong-y-te")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy phòng, ban")));
        mvc.perform(form("/app/office/remind", once())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không đúng dạng")));
        assertThat(fixture.outboxSize()).isEqualTo(before + 1);
        assertThat(mvc.perform(as(admin, get("/app/office?done=reminded&n=1"))).andReturn().getResponse().getContentAsString())
                .contains("Đã gửi nhắc nhở tới 1 người.");

        // A department with nobody to tell: said so, nothing sent.
        mvc.perform(form("/app/office/remind", once(), "department", "van-phong")).andExpect(redirectedUrl("/app/office?done=nobody"));
        assertThat(fixture.outboxSize()).isEqualTo(before + 1);
        mvc.perform(form("/app/office/remind", once(), "department", "all")).andExpect(redirectedUrlPattern("/app/office?done=reminded&n=*"));
        assertThat(fixture.outboxSize()).isGreaterThan(before + 1);
    }

    @Test
    void anInviteIsCreatedShownAndCanBeWithdrawnBeforeUse() throws Exception {
        String location = mvc.perform(form("/app/office/invites", once(), "department", "van-hoa-xa-hoi"))
                .andExpect(redirectedUrlPattern("/app/office/members?done=invited&invite=*")).andReturn().getResponse().getRedirectedUrl();
        AccessService.PendingInvite invite = access.pendingInvites(ConsoleFixture.COMMUNE).stream()
                .filter(i -> location.endsWith("invite=" + i.id())).findFirst().orElseThrow();
        assertThat(invite.departmentCode()).isEqualTo("van-hoa-xa-hoi");
        String members = mvc.perform(as(admin, get(location))).andReturn().getResponse().getContentAsString();
        assertThat(members).contains("Đã tạo mã mời").contains(invite.code().substring(0, 5) + "-" + invite.code().substring(5))
                .contains("class=\"fresh\"");

        mvc.perform(form("/app/office/invites", once(), "department", "phong-y-te")).andExpect(status().isNotFound());
        int pending = access.pendingInvites(ConsoleFixture.COMMUNE).size();

        mvc.perform(form("/app/office/invites/" + invite.id() + "/withdraw", once())).andExpect(redirectedUrl("/app/office/members?done=withdrawn"));
        assertThat(access.pendingInvites(ConsoleFixture.COMMUNE)).hasSize(pending - 1);
        assertThat(access.redeem(invite.code(), ConsoleFixture.telegram(++nextUser), "Người lạ").outcome()).isEqualTo(InviteOutcome.EXPIRED);
        // Withdrawn already, unknown, not a number: refused, nothing changes.
        mvc.perform(form("/app/office/invites/" + invite.id() + "/withdraw", once())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy mã mời")));
        mvc.perform(form("/app/office/invites/999999/withdraw", once())).andExpect(status().isNotFound());
        mvc.perform(form("/app/office/invites/abc/withdraw", once())).andExpect(status().isBadRequest());
        assertThat(access.pendingInvites(ConsoleFixture.COMMUNE)).hasSize(pending - 1);
    }

    @Test
    void aRevokedMemberLeavesTheirDepartmentAndIsTold() throws Exception {
        Member son = fixture.member(admin, "van-phong", ++nextUser, "Tao Văn Sơn");
        assertThat(mvc.perform(as(admin, get("/app/office/members"))).andReturn().getResponse().getContentAsString())
                .contains("Tao Văn Sơn").contains("/app/office/members/" + son.getId() + "/revoke");
        String once = once();
        mvc.perform(form("/app/office/members/" + son.getId() + "/revoke", once)).andExpect(redirectedUrl("/app/office/members?done=revoked"));
        assertThat(access.byId(son.getId()).orElseThrow().isActive()).isFalse();
        assertThat(fixture.messagesTo(son)).last().asString().contains("thu hồi quyền");
        long after = fixture.outboxSize();
        mvc.perform(form("/app/office/members/" + son.getId() + "/revoke", once)).andExpect(status().isConflict());
        mvc.perform(form("/app/office/members/" + son.getId() + "/revoke", once())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy thành viên")));
        mvc.perform(form("/app/office/members/424242/revoke", once())).andExpect(status().isNotFound());
        assertThat(fixture.outboxSize()).isEqualTo(after);
        assertThat(mvc.perform(as(admin, get("/app/office/members"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Tao Văn Sơn");
    }

    @Test
    void noChangeIsMadeForSomeoneWhoIsNotAnOfficeAdministrator() throws Exception {
        collection.submit(fixture.period(), "trung-tam-hcc", hoa.getId(), fixture.scope().owingDepartments());
        long before = fixture.outboxSize();
        int invites = access.pendingInvites(ConsoleFixture.COMMUNE).size();
        String once = once();
        List<MockHttpServletRequestBuilder> posts = List.of(
                post("/app/office/departments/trung-tam-hcc/reopen").param("comment", "Sửa lại"),
                post("/app/office/remind").param("department", "all"),
                post("/app/office/invites").param("department", "kinh-te"),
                post("/app/office/members/" + lan.getId() + "/revoke"),
                post("/app/office/period/close").param("periodId", String.valueOf(fixture.period().getId())),
                post("/app/office/period/open").param("period", fixture.period().key().key()).param("date", "2099-12-15"));
        for (MockHttpServletRequestBuilder request : posts) {
            request.param("_csrf", "x").param("_once", once);
            mvc.perform(request.requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(lan))).andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("chỉ dành cho quản trị viên")));
        }
        assertThat(collection.isSubmitted(fixture.period().getId(), "trung-tam-hcc")).isTrue();
        assertThat(fixture.period().isOpen()).isTrue();
        assertThat(access.byId(lan.getId()).orElseThrow().getDepartmentCode()).isEqualTo("kinh-te");
        assertThat(access.pendingInvites(ConsoleFixture.COMMUNE)).hasSize(invites);
        assertThat(fixture.outboxSize()).isEqualTo(before);
        // The administrator's own token is not someone else's to use, nor is a forged one.
        mvc.perform(as(hoa, post("/app/office/remind")).param("department", "all").param("_once", once)).andExpect(status().isForbidden());
        mvc.perform(form("/app/office/remind", "0123456789abcdef0123456789abcdef", "department", "all")).andExpect(status().isConflict());
        mvc.perform(as(admin, post("/app/office/remind")).param("department", "all")).andExpect(status().isConflict());
        assertThat(fixture.outboxSize()).isEqualTo(before);
    }
}
