package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import vn.communereport.testsupport.botapi.FakeUser;

/** The chat and the form are two views of the same answers: what one stores, the other shows. */
class FormAndChatTest {

    @TempDir
    Path data;
    FormFixture app;

    @BeforeEach
    void start() {
        app = new FormFixture(data);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aValueSavedInTheFormIsSeenByTheChatAndTheReverse() throws Exception {
        FakeUser lan = app.join("van-hoa-xa-hoi", 5001, "Lan");
        lan.awaitText("Câu 1/60", WAIT);
        long period = app.period().getId();

        String saved = app.mvc.perform(app.as(lan, post("/app/form/answer").contentType(MediaType.APPLICATION_JSON)
                .content(FormFixture.save(period, "vh-vb-chi-dao-cchc", "2654")))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(saved).contains("\"state\":\"saved\"");
        lan.sends("/xem");
        assertThat(lan.awaitText("📋", WAIT).text()).contains("Đã trả lời 1/60").contains("2.654 văn bản");

        // A colleague answers in the chat: the question after the one the form answered.
        FakeUser minh = app.join("van-hoa-xa-hoi", 5002, "Minh");
        assertThat(minh.awaitText("Câu 2/60", WAIT).text()).contains("I.2.1");
        minh.sends("1 702");
        minh.awaitText("Câu 3/60", WAIT);

        String page = app.mvc.perform(app.as(lan, get("/app/form"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsPattern("id=\"f-vh-kh-so-nhiem-vu\"[^>]*data-v=\"\\d+\"")
                .containsPattern("id=\"i-vh-kh-so-nhiem-vu\" value=\"1.702\"").contains("Đã lưu (Minh,")
                .containsPattern("id=\"i-vh-vb-chi-dao-cchc\" value=\"2.654\"").contains("<b id=\"done\">2</b>");
        String changes = app.mvc.perform(app.as(lan, get("/app/form/changes").param("since", "0"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(changes).contains("\"q\":\"vh-kh-so-nhiem-vu\"").contains("\"value\":\"1.702\"").contains("\"who\":\"Minh\"");

        // The chat shows Minh the value the form stored, as the one on record, when he goes back to it.
        minh.sends("/xem");
        assertThat(minh.awaitText("📋", WAIT).text()).contains("2.654 văn bản").contains("1.702");
    }
}
