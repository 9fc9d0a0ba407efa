package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.Member;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;

/** The console behind the real session filter: a signed-in administrator works, a form without the CSRF token does nothing. */
class ConsoleSignedInTest {

    @TempDir
    Path data;
    WebApp app;

    @BeforeEach
    void start() {
        app = WebApp.start(data);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    long outbox() {
        return app.bot().bean(JdbcTemplate.class).queryForObject("select count(*) from outbox_message", Long.class);
    }

    @Test
    void theConsolesFormsWorkOnlyWithTheSessionsCsrfToken() throws Exception {
        Member lan = app.member("kinh-te", 2001, "Hà Thị Lan");
        SignedIn office = WebSessions.signIn(app.bot(), Office.ADMIN);
        String grid = app.mvc().perform(get("/app/office").cookie(office.cookie())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(grid).contains("Tiến độ các phòng, ban").contains("name=\"_csrf\" value=\"" + office.csrfToken() + "\"");
        String once = ConsoleFixture.once(grid);
        long before = outbox();

        // Without the token, or with another: the filter stops it, nothing is sent, and the one-time token is unspent.
        app.mvc().perform(post("/app/office/remind").cookie(office.cookie()).param("department", "kinh-te").param("_once", once))
                .andExpect(status().isForbidden());
        app.mvc().perform(post("/app/office/remind").cookie(office.cookie()).param("department", "kinh-te").param("_once", once)
                .param("_csrf", "not-the-token")).andExpect(status().isForbidden());
        assertThat(outbox()).isEqualTo(before);
        app.mvc().perform(post("/app/office/remind").cookie(office.cookie()).param("department", "kinh-te").param("_once", once)
                .param("_csrf", office.csrfToken())).andExpect(redirectedUrl("/app/office?done=reminded&n=1"));
        assertThat(outbox()).isEqualTo(before + 1);

        // A department member signed in is refused the console; no session at all, the filter's 401.
        SignedIn member = WebSessions.signIn(app.bot(), lan);
        assertThat(app.mvc().perform(get("/app/office").cookie(member.cookie())).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString()).contains("chỉ dành cho quản trị viên");
        app.mvc().perform(get("/app/office")).andExpect(status().isUnauthorized());
    }
}
