package vn.communereport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.conversation.WebLinks;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.SignedInitData;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;
import vn.communereport.web.session.SessionCookie;

/**
 * The web channel's sign-in through MockMvc on the real application (one start for all of it: starting is the slow
 * part): the session filter and CSRF, login links, the Mini App's entry, body limits.
 */
class WebAuthTest {

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


    // ---- Under /app/ only an open session of an active member passes, and every change carries the session's CSRF token.
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


    // ---- The link /web sends: looking at it spends nothing, its button spends it once; anything else is told why not.
    String link(Member member) {
        return URI.create(app.bot().bean(WebLinks.class).loginLink(member)).getPath();
    }

    @Test
    void openingTheLinkSpendsNothingAndItsButtonOpensASessionOnce() throws Exception {
        String link = link(lan);
        assertThat(link).matches("/login/[A-Za-z0-9_-]{43}");
        for (int preview = 0; preview < 3; preview++) {
            String page = mvc.perform(get(link)).andExpect(status().isOk()).andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("<form method=\"post\" action=\"" + link + "\"").contains("Đăng nhập");
        }
        MvcResult login = mvc.perform(post(link)).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/app/form")).andReturn();
        String cookie = login.getResponse().getHeader("Set-Cookie");
        assertThat(cookie).startsWith(SessionCookie.NAME + "=").contains("Path=/").contains("HttpOnly").contains("Secure")
                .contains("SameSite=Lax").contains("Max-Age=43200");
        String token = WebSessions.sessionToken(List.of(cookie));
        mvc.perform(get("/app/session").cookie(new Cookie(SessionCookie.NAME, token))).andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(lan.getId()));

        String again = mvc.perform(post(link)).andExpect(status().isGone()).andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Liên kết đã được dùng").contains("/web");
        mvc.perform(get(link)).andExpect(status().isGone());
    }

    @Test
    void theOfficeGoesToTheConsole() throws Exception {
        mvc.perform(post(link(app.officeAdmin()))).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/app/office"));
    }

    @Test
    void anExpiredLinkIsRefusedWhenLookedAtAndWhenSpent() throws Exception {
        String link = link(lan);
        app.clock().advance(Duration.ofMinutes(10));
        try {
            assertThat(mvc.perform(get(link)).andExpect(status().isGone()).andReturn().getResponse().getContentAsString())
                    .contains("Liên kết đã hết hạn");
            mvc.perform(post(link)).andExpect(status().isGone()).andExpect(header().doesNotExist("Set-Cookie"));
        } finally {
            app.clock().advance(Duration.ofMinutes(-10));
        }
    }

    @Test
    void anUnknownOrMalformedLinkIsNotFound() throws Exception {
        for (String token : new String[] {"A".repeat(43), "abc", "%2e%2e", "A".repeat(500)}) {
            assertThat(mvc.perform(get("/login/" + token)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString())
                    .contains("Liên kết không đúng");
            mvc.perform(post("/login/" + token)).andExpect(status().isNotFound()).andExpect(header().doesNotExist("Set-Cookie"));
        }
    }

    @Test
    void aMemberRevokedAfterTheLinkWasSentGetsNoSession() throws Exception {
        Member hoa = app.member("van-hoa-xa-hoi", 2010, "Vàng Thị Hoa");
        String link = link(hoa);
        app.bot().bean(AccessService.class).revoke(app.officeAdmin(), hoa.getId());
        assertThat(mvc.perform(post(link)).andExpect(status().isForbidden()).andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn().getResponse().getContentAsString()).contains("không còn là thành viên");
    }

    @Test
    void theDatabaseKeepsOnlyHashesOfTokens() throws Exception {
        String link = link(lan);
        String linkToken = link.substring("/login/".length());
        String sessionToken = WebSessions.sessionToken(List.of(mvc.perform(post(link)).andReturn().getResponse().getHeader("Set-Cookie")));
        JdbcTemplate jdbc = new JdbcTemplate(app.bot().bean(DataSource.class));
        String everything = String.join("|", jdbc.queryForList("select token_hash from web_login_link", String.class))
                + String.join("|", jdbc.queryForList("select token_hash || csrf_token from web_session", String.class));
        assertThat(everything).doesNotContain(linkToken).doesNotContain(sessionToken)
                .contains(sha256(linkToken)).contains(sha256(sessionToken));
    }

    static String sha256(String token) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }


    // ---- The Mini App's entry: a session only for Telegram's own, fresh launch data of an active member.
    ResultActions open(String initData) throws Exception {
        return mvc.perform(post("/miniapp/session").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("initData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8)));
    }

    @Test
    void thePageHandsOverTheLaunchDataWithTelegramsColoursAndNothingFromOtherHosts() throws Exception {
        String page = mvc.perform(get("/miniapp")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("tgWebAppData").contains("Telegram.WebApp").contains("/miniapp/session")
                .contains("var(--tg-theme-bg-color, #ffffff)").contains("--tg-theme-button-color").contains("tgWebAppThemeParams")
                .contains("Đang mở biểu mẫu");
        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(5_000);
    }

    @Test
    void aMembersFreshLaunchOpensASessionAtTheForm() throws Exception {
        MvcResult result = open(SignedInitData.forUser(2001, WebApp.TOKEN, app.clock())).andExpect(status().isOk())
                .andExpect(jsonPath("$.redirect").value("/app/form")).andReturn();
        String token = WebSessions.sessionToken(List.of(result.getResponse().getHeader("Set-Cookie")));
        assertThat(result.getResponse().getHeader("Set-Cookie")).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
        mvc.perform(get("/app/session").cookie(new Cookie(SessionCookie.NAME, token)))
                .andExpect(jsonPath("$.memberId").value(lan.getId()));
    }

    @Test
    void theOfficesLaunchOpensTheConsole() throws Exception {
        open(SignedInitData.forUser(vn.communereport.testsupport.Office.ADMIN, WebApp.TOKEN, app.clock()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.redirect").value("/app/office"));
    }

    @Test
    void forgedExpiredOrAnotherBotsLaunchDataOpensNothing() throws Exception {
        Instant now = app.clock().instant();
        String valid = SignedInitData.forUser(2001, "Lan", WebApp.TOKEN, now);
        String[] unverified = {
                valid.replace("%22id%22%3A2001", "%22id%22%3A" + vn.communereport.testsupport.Office.ADMIN),
                SignedInitData.forUser(2001, "Lan", "654321:ANOTHER-bots_token-entirely", now),
                valid.substring(0, valid.indexOf("&hash=")),
                "user=%7B%22id%22%3A2001%7D&auth_date=" + now.getEpochSecond(),
                "garbage", ""};
        for (String initData : unverified) {
            MvcResult result = open(initData).andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("Set-Cookie")).andReturn();
            assertThat(result.getResponse().getContentAsString()).as(initData).contains("Không xác minh được dữ liệu Telegram");
        }
        mvc.perform(post("/miniapp/session")).andExpect(status().isUnauthorized());
        String old = SignedInitData.forUser(2001, "Lan", WebApp.TOKEN, now.minus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(open(old).andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn().getResponse().getContentAsString()).contains("quá hạn");
        String ahead = SignedInitData.forUser(2001, "Lan", WebApp.TOKEN, now.plus(Duration.ofMinutes(5)));
        open(ahead).andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aStrangerOrARevokedMemberIsToldToAskTheOffice() throws Exception {
        assertThat(open(SignedInitData.forUser(9999, WebApp.TOKEN, app.clock())).andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Set-Cookie")).andReturn().getResponse().getContentAsString()).contains("mã mời");
        Member son = app.member("trung-tam-hcc", 2020, "Tao Văn Sơn");
        open(SignedInitData.forUser(2020, WebApp.TOKEN, app.clock())).andExpect(status().isOk());
        app.bot().bean(AccessService.class).revoke(app.officeAdmin(), son.getId());
        open(SignedInitData.forUser(2020, WebApp.TOKEN, app.clock())).andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }


    // ---- A body larger than the stated limits is refused before anything reads it.
    @Test
    void aFormPostOverTheLimitIsRefusedWithItsLimitSaid() throws Exception {
        byte[] big = ("initData=" + "a".repeat(256 * 1024)).getBytes(StandardCharsets.US_ASCII);
        String page = mvc.perform(post("/miniapp/session").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(big))
                .andExpect(status().isPayloadTooLarge()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("tối đa 256 KB").contains("không có gì được lưu");
        SignedIn in = signIn(lan);
        mvc.perform(post("/app/logout").cookie(in.cookie()).header("X-CSRF-Token", in.csrfToken())
                .contentType(MediaType.APPLICATION_JSON).content(new byte[300 * 1024])).andExpect(status().isPayloadTooLarge());
        mvc.perform(get("/app/session").cookie(in.cookie())).andExpect(status().isOk());
    }

    @Test
    void anUploadOverFiveMegabytesIsRefusedAndOneUnderIsNot() throws Exception {
        SignedIn in = signIn(lan);
        String page = mvc.perform(post("/app/upload").cookie(in.cookie()).header("X-CSRF-Token", in.csrfToken())
                        .contentType("multipart/form-data; boundary=x").content(new byte[5 * 1024 * 1024 + 1]))
                .andExpect(status().isPayloadTooLarge()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tệp quá lớn").contains("tối đa 5 MB");
        // Within the limit the request goes on (to a page that does not exist here).
        mvc.perform(post("/app/upload").cookie(in.cookie()).header("X-CSRF-Token", in.csrfToken())
                .contentType("multipart/form-data; boundary=x").content(new byte[300 * 1024])).andExpect(status().is4xxClientError())
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(413));
    }
}
