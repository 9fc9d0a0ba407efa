package vn.communereport.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;
import vn.communereport.web.WebPrincipal;

/** Under /app/ only an open session of an active member passes, and every change carries the session's CSRF token. */
class SessionFilterTest {

    @TempDir
    static Path data;
    static WebApp app;
    static MockMvc mvc;
    static Member lan;

    @BeforeAll
    static void start() {
        app = WebApp.start(data);
        mvc = app.mvc();
        lan = app.member("kinh-te", 2001, "Hà Thị Lan");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static SignedIn signIn(Member member) {
        return WebSessions.signIn(app.bot(), member);
    }

    @Test
    void withoutASessionThePageSaysHowToOpenAgain() throws Exception {
        String page = mvc.perform(get("/app/form")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("phiên làm việc đã hết hạn").contains("/web").contains("Mở biểu mẫu").contains("lang=\"vi\"");
    }

    @Test
    void anUnknownOrMalformedCookieIsRefusedAndCleared() throws Exception {
        for (String value : new String[] {"x", "A".repeat(43), "../../etc", ""}) {
            MvcResult result = mvc.perform(get("/app/session").cookie(new Cookie(SessionCookie.NAME, value)))
                    .andExpect(status().isUnauthorized()).andReturn();
            if (!value.isEmpty()) {
                assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith(SessionCookie.NAME + "=;").contains("Max-Age=0");
            }
        }
    }

    @Test
    void anOpenSessionGivesTheRequestItsPrincipalAndNothingFromTheRequestOverridesIt() throws Exception {
        SignedIn in = signIn(lan);
        mvc.perform(get("/app/session").cookie(in.cookie()).param("memberId", "1").param("officeAdmin", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(lan.getId()))
                .andExpect(jsonPath("$.officeAdmin").value(false))
                .andExpect(jsonPath("$.csrfToken").value(in.csrfToken()))
                .andExpect(jsonPath("$.home").value("/app/form"));
        // A page that does not exist (yet): the filter let the request through, with the principal on it.
        MvcResult missing = mvc.perform(get("/app/nothing-here").cookie(in.cookie())).andExpect(status().isNotFound()).andReturn();
        WebPrincipal principal = (WebPrincipal) missing.getRequest().getAttribute(WebPrincipal.ATTRIBUTE);
        assertThat(principal).isEqualTo(new WebPrincipal(lan.getId(), lan.getCommuneCode(), false, in.csrfToken()));
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrWithAnotherIsRefusedAndChangesNothing() throws Exception {
        SignedIn in = signIn(lan);
        SignedIn other = signIn(app.officeAdmin());
        String page = mvc.perform(post("/app/logout").cookie(in.cookie())).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("không có gì bị thay đổi");
        mvc.perform(post("/app/logout").cookie(in.cookie()).header("X-CSRF-Token", other.csrfToken())).andExpect(status().isForbidden());
        mvc.perform(post("/app/logout").cookie(in.cookie()).param("_csrf", in.csrfToken() + "x")).andExpect(status().isForbidden());
        mvc.perform(post("/app/logout").cookie(in.cookie()).header("X-CSRF-Token", "")).andExpect(status().isForbidden());
        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                    org.springframework.http.HttpMethod.valueOf(method), "/app/logout").cookie(in.cookie())).andExpect(status().isForbidden());
        }
        // Still signed in: none of those reached the logout.
        mvc.perform(get("/app/session").cookie(in.cookie())).andExpect(status().isOk());
    }

    @Test
    void logoutWithTheTokenInTheHeaderOrTheFormEndsTheSession() throws Exception {
        SignedIn byHeader = signIn(lan);
        MvcResult out = mvc.perform(post("/app/logout").cookie(byHeader.cookie()).header("X-CSRF-Token", byHeader.csrfToken()))
                .andExpect(status().isOk()).andReturn();
        assertThat(out.getResponse().getContentAsString()).contains("Đã đăng xuất");
        assertThat(out.getResponse().getHeader("Set-Cookie")).contains("Max-Age=0");
        mvc.perform(get("/app/session").cookie(byHeader.cookie())).andExpect(status().isUnauthorized());

        SignedIn byForm = signIn(lan);
        mvc.perform(post("/app/logout").cookie(byForm.cookie()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("_csrf=" + byForm.csrfToken())).andExpect(status().isOk());
        mvc.perform(get("/app/session").cookie(byForm.cookie())).andExpect(status().isUnauthorized());
    }

    @Test
    void aSessionEndsWhenItExpiresAndWhenItsMemberIsRevoked() throws Exception {
        Member minh = app.member("kinh-te", 2002, "Lò Văn Minh");
        SignedIn in = signIn(minh);
        app.clock().advance(Duration.ofHours(11));
        mvc.perform(get("/app/session").cookie(in.cookie())).andExpect(status().isOk());
        app.clock().advance(Duration.ofHours(1));
        mvc.perform(get("/app/session").cookie(in.cookie())).andExpect(status().isUnauthorized());
        app.clock().advance(Duration.ofHours(-12));

        SignedIn again = signIn(minh);
        mvc.perform(get("/app/session").cookie(again.cookie())).andExpect(status().isOk());
        app.bot().bean(AccessService.class).revoke(app.officeAdmin(), minh.getId());
        mvc.perform(get("/app/session").cookie(again.cookie())).andExpect(status().isUnauthorized());
    }

    @Test
    void theOfficeStartsAtTheConsole() throws Exception {
        SignedIn office = signIn(app.officeAdmin());
        mvc.perform(get("/app/session").cookie(office.cookie())).andExpect(jsonPath("$.officeAdmin").value(true))
                .andExpect(jsonPath("$.home").value("/app/office"));
    }
}
