package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.testsupport.botapi.FakeUser;

/** The form's page and its save and look-for-changes endpoints, each bad input refused with nothing stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormAnswerEndpointTest {

    static final String VHXH = "van-hoa-xa-hoi";

    @TempDir
    static Path data;
    FormFixture app;
    FakeUser lan;
    FakeUser minh;
    FakeUser kinhTe;

    @BeforeAll
    void start() {
        app = new FormFixture(data);
        lan = app.join(VHXH, 3001, "Lan");
        minh = app.join(VHXH, 3002, "Minh");
        kinhTe = app.join("kinh-te", 3003, "Hùng");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private MvcResult save(FakeUser who, String json) throws Exception {
        return app.mvc.perform(app.as(who, post("/app/form/answer").contentType(MediaType.APPLICATION_JSON).content(json))).andReturn();
    }

    private long period() {
        return app.period().getId();
    }

    private Answer stored(String question) {
        return app.answers(VHXH).get(question);
    }

    @Test
    void theWholePartOnOnePageUnder100KbWithNothingFromAnotherHost() throws Exception {
        MvcResult page = app.mvc.perform(app.as(lan, get("/app/form"))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)).andReturn();
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        int fields = count(html, "class=\"f\" id=\"f-");
        assertThat(fields).isEqualTo(app.flow(VHXH).size()).isEqualTo(60);
        assertThat(html).contains("Phòng Văn hóa - Xã hội").contains("Biểu số liệu – I. Công tác chỉ đạo điều hành CCHC")
                .contains("Báo cáo – Phần I.").contains("I.2.1").contains("Số nhiệm vụ đề ra trong kế hoạch")
                .contains("Tỷ lệ hoàn thành Kế hoạch CCHC năm").contains("<textarea").contains("type=\"radio\"")
                .contains("Đã trả lời").contains("/<b>60</b>").contains("Xem lại và nộp");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
    }

    @Test
    void forgivingNumbersAreStoredAsTheChatStoresThem() throws Exception {
        MvcResult result = save(lan, FormFixture.save(period(), "vh-vb-chi-dao-cchc", "2.654"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(result)).contains("\"state\":\"saved\"").contains("\"value\":\"2.654\"").contains("Đã lưu (Lan");
        assertThat(stored("vh-vb-chi-dao-cchc").value().number()).isEqualByComparingTo("2654");

        save(lan, FormFixture.save(period(), "vh-bc-tinh-gian-tyle", "99,7"));
        assertThat(stored("vh-bc-tinh-gian-tyle").value().number()).isEqualByComparingTo("99.7");

        save(lan, FormFixture.save(period(), "vh-kt-so-don-vi", "1 702"));
        assertThat(stored("vh-kt-so-don-vi").value().number()).isEqualByComparingTo("1702");
        // The same audit as the chat's: who changed it, from what to what.
        assertThat(app.bot.bean(CollectionService.class).history(period(), "vh-kt-so-don-vi"))
                .extracting(CollectionService.Change::newValue).contains("1702");
    }

    @Test
    void aTypingMistakeIsRefusedWithItsReasonAndNothingStored() throws Exception {
        MvcResult result = save(lan, FormFixture.save(period(), "vh-kt-van-de-phat-hien", "nhiều lắm"));
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(json(result)).contains("\"state\":\"refused\"");
        assertThat(stored("vh-kt-van-de-phat-hien")).isNull();
        MvcResult yesNo = save(lan, FormFixture.save(period(), "vh-tt-hinh-thuc-khac", "có lẽ"));
        assertThat(yesNo.getResponse().getStatus()).isEqualTo(422);
        assertThat(stored("vh-tt-hinh-thuc-khac")).isNull();
    }

    @Test
    void aBrokenRuleIsRefusedAndARateIsComputedFromItsParts() throws Exception {
        save(lan, FormFixture.save(period(), "vh-kh-so-nhiem-vu", "10"));
        MvcResult tooMany = save(lan, FormFixture.save(period(), "vh-kh-nv-hoan-thanh", "12"));
        assertThat(tooMany.getResponse().getStatus()).isEqualTo(422);
        assertThat(json(tooMany)).contains("Số liệu không hợp lệ").contains("không thể lớn hơn");
        assertThat(stored("vh-kh-nv-hoan-thanh")).isNull();

        MvcResult ok = save(lan, FormFixture.save(period(), "vh-kh-nv-hoan-thanh", "7"));
        assertThat(json(ok)).contains("\"I.2\":\"70\"");
        String html = app.mvc.perform(app.as(lan, get("/app/form"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("data-rate=\"I.2\"").containsPattern("data-rate=\"I.2\">.*<b class=\"rv\">70 %</b>");
    }

    @Test
    void aWarningIsStoredOnlyOnceConfirmed() throws Exception {
        save(lan, FormFixture.save(period(), "vh-bc-duoc-giao", "30"));
        MvcResult warned = save(lan, FormFixture.save(period(), "vh-bc-co-mat", "35"));
        assertThat(json(warned)).contains("\"state\":\"confirm\"").contains("Kiểm tra lại");
        assertThat(stored("vh-bc-co-mat")).isNull();
        String unexplained = "{\"period\":" + period() + ",\"q\":\"vh-bc-co-mat\",\"value\":\"35\",\"confirm\":true,\"reason\":\" ok \"}";
        MvcResult refused = save(lan, unexplained);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(json(refused)).contains("\"state\":\"reason\"", "Lý do quá ngắn");
        assertThat(stored("vh-bc-co-mat")).as("kept without a reason: never stored").isNull();
        String confirmed = "{\"period\":" + period() + ",\"q\":\"vh-bc-co-mat\",\"value\":\"35\",\"confirm\":true,"
                + "\"reason\":\"Có 5 viên chức biệt phái về trung tâm\"}";
        assertThat(json(save(lan, confirmed))).contains("\"state\":\"saved\"");
        assertThat(app.bot.bean(CollectionService.class).history(period(), "vh-bc-co-mat")).last()
                .extracting(CollectionService.Change::reason).isEqualTo("Có 5 viên chức biệt phái về trung tâm");
        assertThat(stored("vh-bc-co-mat").value().number()).isEqualByComparingTo("35");
    }

    @Test
    void aColleaguesNewerValueIsShownAndReplacedOnlyByChoice() throws Exception {
        save(lan, FormFixture.save(period(), "vh-kt-van-de-da-xu-ly", "0"));
        long version = stored("vh-kt-van-de-da-xu-ly").getVersion();
        // Minh's page still showed no answer (version null).
        MvcResult stale = save(minh, FormFixture.save(period(), "vh-kt-van-de-da-xu-ly", "3"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(stale)).contains("\"state\":\"changed\"").contains("Lan đã sửa câu này").contains("\"value\":\"0\"");
        assertThat(stored("vh-kt-van-de-da-xu-ly").getVersion()).isEqualTo(version);
        // Minh sees what Lan changed when his page looks.
        MvcResult changes = app.mvc.perform(app.as(minh, get("/app/form/changes").param("since", "0"))).andExpect(status().isOk()).andReturn();
        assertThat(json(changes)).contains("\"q\":\"vh-kt-van-de-da-xu-ly\"").contains("\"who\":\"Lan\"");
        long later = System.currentTimeMillis() + 60_000;
        assertThat(json(app.mvc.perform(app.as(minh, get("/app/form/changes").param("since", String.valueOf(later)))).andReturn()))
                .contains("\"answers\":[]");
        // He chooses to overwrite.
        String overwrite = "{\"period\":" + period() + ",\"q\":\"vh-kt-van-de-da-xu-ly\",\"value\":\"3\",\"overwrite\":true}";
        // 3 would break "solved <= found" unless found is set: found first.
        save(minh, FormFixture.save(period(), "vh-kt-van-de-phat-hien", "5"));
        assertThat(json(save(minh, overwrite))).contains("\"state\":\"saved\"");
        assertThat(stored("vh-kt-van-de-da-xu-ly").value().number()).isEqualByComparingTo(BigDecimal.valueOf(3));
    }

    @Test
    void anotherDepartmentsOrAnUnknownQuestionOrAnotherPeriodIsRefused() throws Exception {
        MvcResult theirs = save(kinhTe, FormFixture.save(period(), "vh-cd-ke-hoach", "Nội dung"));
        assertThat(theirs.getResponse().getStatus()).isEqualTo(403);
        assertThat(json(theirs)).contains("không thuộc phần của phòng, ban bạn");
        assertThat(stored("vh-cd-ke-hoach")).isNull();

        MvcResult unknown = save(lan, FormFixture.save(period(), "khong-co", "1"));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(json(unknown)).contains("Không có câu hỏi này");

        MvcResult otherPeriod = save(lan, FormFixture.save(period() + 99, "vh-cd-ke-hoach", "Nội dung"));
        assertThat(otherPeriod.getResponse().getStatus()).isEqualTo(409);
        assertThat(json(otherPeriod)).contains("Kỳ báo cáo đã thay đổi");
        assertThat(stored("vh-cd-ke-hoach")).isNull();

        MvcResult notOptional = save(lan, "{\"period\":" + period() + ",\"q\":\"vh-cd-ke-hoach\",\"skip\":true}");
        assertThat(notOptional.getResponse().getStatus()).isEqualTo(400);
        assertThat(json(notOptional)).contains("bắt buộc");
        assertThat(stored("vh-cd-ke-hoach")).isNull();
    }

    @Test
    void aStrangerIsToldToSignInAndSeesNothing() throws Exception {
        app.mvc.perform(post("/app/form/answer").contentType(MediaType.APPLICATION_JSON)
                        .content(FormFixture.save(period(), "vh-cd-han-che", "x")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.message", containsString("chưa đăng nhập")));
        app.mvc.perform(get("/app/form")).andExpect(status().isUnauthorized())
                .andExpect(content().string(containsString("Bạn chưa đăng nhập")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("vh-cd-han-che"))));
        app.mvc.perform(get("/app/form/changes")).andExpect(status().isUnauthorized());
        assertThat(stored("vh-cd-han-che")).isNull();
        // A principal of a member who does not exist (or of another commune) is no better.
        app.mvc.perform(get("/app/form").requestAttr(vn.communereport.web.WebPrincipal.ATTRIBUTE,
                new vn.communereport.web.WebPrincipal(987654, "binh-lu", false, "x"))).andExpect(status().isForbidden());
        vn.communereport.web.WebPrincipal lanElsewhere = app.principal(lan);
        app.mvc.perform(get("/app/form").requestAttr(vn.communereport.web.WebPrincipal.ATTRIBUTE,
                new vn.communereport.web.WebPrincipal(lanElsewhere.memberId(), "xa-khac", false, "x"))).andExpect(status().isForbidden());
    }

    @Test
    void anOfficeAdministratorWithNoPartIsToldSo() throws Exception {
        app.mvc.perform(app.as(app.admin, get("/app/form"))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("không có phần báo cáo nào")));
    }

    @Test
    void malformedBodiesAreRefusedInVietnamese() throws Exception {
        for (String body : new String[] {"{", "[1,2]", "{\"q\":\"vh-cd-han-che\"}", "{\"period\":\"abc\",\"q\":\"x\"}",
                "{\"period\":" + period() + ",\"value\":\"1\"}", "{\"period\":" + period() + ",\"q\":\"vh-cd-han-che\"}"}) {
            MvcResult result = save(lan, body);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(json(result)).as(body).contains("Yêu cầu không hợp lệ");
        }
        app.mvc.perform(app.as(lan, post("/app/form/answer").contentType(MediaType.TEXT_PLAIN).content("vh-cd-han-che=1")))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.message", containsString("không hợp lệ")));
        app.mvc.perform(app.as(lan, get("/app/form/changes").param("since", "hôm qua"))).andExpect(status().isBadRequest());
        String huge = "x".repeat(300 * 1024);
        app.mvc.perform(app.as(lan, post("/app/form/answer").contentType(MediaType.APPLICATION_JSON)
                        .content(FormFixture.save(period(), "vh-cd-han-che", huge))))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.message", containsString("quá lớn")));
        // A narrative over the type's limit (but under the body's) is the type's refusal.
        MvcResult tooLong = save(lan, FormFixture.save(period(), "vh-cd-han-che", "x".repeat(61_000)));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(stored("vh-cd-han-che")).isNull();
    }

    @Test
    void theChangesJsonSaysProgressAndRates() throws Exception {
        MvcResult result = app.mvc.perform(app.as(lan, get("/app/form/changes").param("since", "0"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.total").value(60)).andExpect(jsonPath("$.rates").isMap())
                .andExpect(jsonPath("$.now").isNumber()).andReturn();
        assertThat(json(result)).contains("\"locked\":null");
    }

    private static String json(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

}
