package vn.communereport.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.web.WebPrincipal;

/**
 * The office's console shows why a figure was kept: on the department's page next to the value, in the figure's history
 * and in its checks, and on the report page's checks, with last period's value for an outlier.
 */
@SpringBootTest(properties = {"telegram.enabled=false", "telegram.bot-token=" + BotProcess.TOKEN, "app.reminders.initial-delay=PT24H",
        "app.office-admin-ids=", "spring.datasource.url=jdbc:h2:mem:console-reasons;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc(addFilters = false)
class ConsoleReasonsTest {

    static final String OUTLIER_REASON = "Tăng do tiếp nhận hồ sơ đất đai đợt cấp giấy chứng nhận";
    static final String WARNING_REASON = "Năm vốn được bổ sung 50 triệu giữa kỳ";

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

    @BeforeEach
    void seed() {
        if (fixture != null) {
            return;
        }
        fixture = new ConsoleFixture(access, pipeline, periods, scopes, jdbc, collection);
        admin = fixture.admin(1001, "Lò Văn Phòng");
        Member lan = fixture.member(admin, "kinh-te", 2001, "Hà Thị Lan");
        Member hoa = fixture.member(admin, "trung-tam-hcc", 2002, "Vàng Thị Hoa");
        Question files = fixture.scope().report().question("hcc-hs-tiep-nhan").orElseThrow();
        PeriodKey lastKey = PeriodKey.containing(fixture.scope().report().frequency(), LocalDate.now()).previous();
        PeriodService.Opening opening = periods.open(ConsoleFixture.COMMUNE, fixture.scope().report(), lastKey, Instant.now());
        assertThat(opening.outcome()).isEqualTo(PeriodService.OpenOutcome.OPENED);
        ReportingPeriod last = opening.period();
        collection.save(last, files, AnswerValue.ofNumber(new BigDecimal("1837")), hoa.getId(), null, false);
        assertThat(periods.close(last.getId())).isTrue();

        ReportingPeriod period = fixture.period();
        AnswerRequest outlier = AnswerRequest.of(hoa, period, files, AnswerInput.typed("3.900"), null);
        assertThat(pipeline.answer(outlier)).isInstanceOf(AnswerOutcome.NeedsConfirmation.class);
        assertThat(pipeline.answer(outlier.withWarningsAccepted(OUTLIER_REASON))).isInstanceOf(AnswerOutcome.Stored.class);
        Question plan = fixture.scope().report().question("kt-von-dtc-ke-hoach").orElseThrow();
        Question spent = fixture.scope().report().question("kt-von-dtc-thuc-hien").orElseThrow();
        assertThat(pipeline.answer(AnswerRequest.of(lan, period, plan, AnswerInput.typed("100"), null))).isInstanceOf(AnswerOutcome.Stored.class);
        assertThat(pipeline.answer(AnswerRequest.of(lan, period, spent, AnswerInput.typed("150"), null).withWarningsAccepted(WARNING_REASON)))
                .isInstanceOf(AnswerOutcome.Stored.class);
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).requestAttr(WebPrincipal.ATTRIBUTE, ConsoleFixture.principal(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDepartmentPageShowsTheReasonByTheValueInTheHistoryAndInTheChecks() throws Exception {
        String centre = page("/app/office/departments/trung-tam-hcc");
        assertThat(centre).contains("3.900").contains("Lý do giữ số liệu: " + OUTLIER_REASON)
                .contains("Lý do: " + OUTLIER_REASON)
                .contains("Biến động").contains("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%")
                .contains("(Lý do giữ số liệu III.3.1: " + OUTLIER_REASON + ")");
        String economy = page("/app/office/departments/kinh-te");
        assertThat(economy).contains("Số vốn đầu tư công đã thực hiện (VI.1.2) lớn hơn kế hoạch được giao (VI.1.1)")
                .contains("(Lý do giữ số liệu VI.1.2: " + WARNING_REASON + ")")
                .doesNotContain(OUTLIER_REASON);
    }

    @Test
    void theReportPageListsEveryCheckWithItsReason() throws Exception {
        String report = page("/app/office/report");
        assertThat(report).contains("Kỳ trước: 1.837 hồ sơ; nay 3.900, tăng 112%", OUTLIER_REASON, WARNING_REASON);
    }
}
