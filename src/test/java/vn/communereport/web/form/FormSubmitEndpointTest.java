package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import vn.communereport.access.AccessService;
import vn.communereport.collection.CollectionService;
import vn.communereport.definition.Question;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.botapi.FakeUser;

/** The review, the confirmation and the submission from the form; a submitted part and a revoked member change nothing. */
@LongRunning
class FormSubmitEndpointTest {

    static final String KT = "kinh-te";

    @TempDir
    Path data;
    FormFixture app;
    FakeUser hung;
    FakeUser mai;

    @BeforeEach
    void start() {
        app = new FormFixture(data);
        hung = app.join(KT, 4001, "Hùng");
        mai = app.join(KT, 4002, "Mai");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long period() {
        return app.period().getId();
    }

    private void fillAll(FakeUser who) throws Exception {
        for (Question question : app.flow(KT).questions()) {
            String value = question.type().gathered() ? "Nội dung mục " + question.fills().ref() : "0";
            String body = "{\"period\":" + period() + ",\"q\":\"" + question.id() + "\",\"value\":\"" + value + "\",\"confirm\":true,\"reason\":\"Đã đối chiếu với sổ theo dõi\"}";
            app.mvc.perform(app.as(who, post("/app/form/answer").contentType(MediaType.APPLICATION_JSON).content(body)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("saved"));
        }
    }

    @Test
    void anIncompletePartIsReviewedButNotSubmitted() throws Exception {
        app.mvc.perform(app.as(hung, get("/app/form/review"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Còn 16 câu chưa trả lời")))
                .andExpect(content().string(containsString("⛔ chưa trả lời")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Xác nhận nộp"))));
        app.mvc.perform(app.as(hung, post("/app/form/submit").param("period", String.valueOf(period())).param("_csrf", FormFixture.CSRF)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/app/form/review?r=incomplete"));
        assertThat(app.bot.bean(CollectionService.class).isSubmitted(period(), KT)).isFalse();
    }

    @Test
    void aCompletePartIsSubmittedAfterTheConfirmationAndColleaguesAndTheOfficeAreTold() throws Exception {
        fillAll(hung);
        String review = app.mvc.perform(app.as(mai, get("/app/form/review"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("Đã trả lời 16/16 câu").contains("Bạn sắp nộp phần của Phòng Kinh tế")
                .contains("Xác nhận nộp").contains("name=\"_csrf\"").doesNotContain("⛔");

        // A confirmation page of another period (a stale page) is refused.
        app.mvc.perform(app.as(mai, post("/app/form/submit").param("period", String.valueOf(period() + 5))))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Kỳ báo cáo đã thay đổi")));
        app.mvc.perform(app.as(mai, post("/app/form/submit"))).andExpect(status().isBadRequest());
        app.mvc.perform(app.as(mai, post("/app/form/submit").param("period", "mot"))).andExpect(status().isBadRequest());
        assertThat(app.bot.bean(CollectionService.class).isSubmitted(period(), KT)).isFalse();

        app.mvc.perform(app.as(mai, post("/app/form/submit").param("period", String.valueOf(period()))))
                .andExpect(redirectedUrl("/app/form/review?r=submitted"));
        assertThat(app.bot.bean(CollectionService.class).isSubmitted(period(), KT)).isTrue();
        app.mvc.perform(app.as(mai, get("/app/form/review").param("r", "submitted")))
                .andExpect(content().string(containsString("Đã nộp phần báo cáo")))
                .andExpect(content().string(containsString("đã được nộp lúc")));
        // As the chat tells them: the colleague and the office.
        assertThat(hung.awaitText("đã nộp phần của Phòng Kinh tế", WAIT).text()).contains("Mai");
        app.admin.awaitText("Phòng Kinh tế", WAIT);

        // Handed in twice is handed in once.
        app.mvc.perform(app.as(hung, post("/app/form/submit").param("period", String.valueOf(period()))))
                .andExpect(redirectedUrl("/app/form/review?r=not-submitted"));

        // Locked: the page says so, its fields are disabled, and a save changes nothing.
        String page = app.mvc.perform(app.as(hung, get("/app/form"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-locked=\"1\"").contains("đã được nộp lúc").contains("disabled");
        String first = app.flow(KT).questions().get(0).id();
        long version = app.answers(KT).get(first).getVersion();
        app.mvc.perform(app.as(hung, post("/app/form/answer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":" + period() + ",\"q\":\"" + first + "\",\"value\":\"5\",\"version\":" + version + "}")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.state").value("locked"))
                .andExpect(jsonPath("$.message", containsString("đã được nộp")));
        assertThat(app.answers(KT).get(first).getVersion()).isEqualTo(version);
        app.mvc.perform(app.as(hung, get("/app/form/changes"))).andExpect(jsonPath("$.locked", containsString("đã được nộp")));
    }

    @Test
    void aRevokedMemberCanNeitherSeeNorChange() throws Exception {
        var principal = app.principal(hung);
        var admin = app.member(app.admin);
        app.bot.bean(AccessService.class).revoke(admin, principal.memberId());
        String first = app.flow(KT).questions().get(0).id();
        app.mvc.perform(post("/app/form/answer").requestAttr(vn.communereport.web.WebPrincipal.ATTRIBUTE, principal)
                        .contentType(MediaType.APPLICATION_JSON).content(FormFixture.save(period(), first, "5")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.message", containsString("không còn là thành viên")));
        app.mvc.perform(get("/app/form").requestAttr(vn.communereport.web.WebPrincipal.ATTRIBUTE, principal))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("không còn là thành viên")));
        app.mvc.perform(post("/app/form/submit").param("period", String.valueOf(period()))
                .requestAttr(vn.communereport.web.WebPrincipal.ATTRIBUTE, principal)).andExpect(status().isForbidden());
        assertThat(app.answers(KT)).isEmpty();
    }
}
