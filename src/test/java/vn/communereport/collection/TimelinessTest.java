package vn.communereport.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;

/**
 * Each department's on-time record over the commune's last periods, from its hand-ins against each period's deadline
 * (the clock moved across three periods), as the office sees it in /tiendo and on the console's progress and report pages.
 */
@LongRunning
class TimelinessTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> DEPARTMENTS = List.of("van-phong", "kinh-te", "van-hoa-xa-hoi", "trung-tam-hcc");

    @TempDir
    static Path data;
    static WebApp app;
    static BotProcess bot;
    static MutableClock clock;
    static PeriodService periods;
    static CollectionService collection;
    static Timeliness timeliness;
    static ReportScope scope;
    static Member admin;
    static int delivery;

    @BeforeAll
    static void start() {
        app = WebApp.start(data);
        bot = app.bot();
        clock = app.clock();
        clock.set(at(2024, 12, 20, 9));
        periods = bot.bean(PeriodService.class);
        collection = bot.bean(CollectionService.class);
        timeliness = bot.bean(Timeliness.class);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        admin = bot.bean(AccessService.class).recognise(new ChannelIdentity("telegram", "1001", "1001"), "Văn phòng").orElseThrow();

        // 6 tháng cuối năm 2024, deadline 15/01/2025 17:00: the centre on time, Kinh tế a day late, the Văn phòng never;
        // Văn hóa - Xã hội on time, reopened after the deadline for a correction and handed in again.
        ReportingPeriod first = open(LocalDate.of(2024, 9, 1), at(2025, 1, 15, 17));
        submitAt(first, "trung-tam-hcc", at(2025, 1, 14, 10));
        submitAt(first, "van-hoa-xa-hoi", at(2025, 1, 15, 16));
        submitAt(first, "kinh-te", at(2025, 1, 16, 9));
        // (within the grace after the deadline: entry locks at 16/01 17:00)
        clock.set(at(2025, 1, 16, 10));
        assertThat(collection.reopen(first, "van-hoa-xa-hoi", admin.getId(), "Sửa IV.2.2")).isTrue();
        submitAt(first, "van-hoa-xa-hoi", at(2025, 1, 16, 15));
        periods.close(first.getId());

        // 6 tháng đầu năm 2025, deadline 10/07/2025 17:00: the Văn phòng late, Văn hóa - Xã hội never.
        clock.set(at(2025, 6, 20, 9));
        ReportingPeriod second = open(LocalDate.of(2025, 3, 1), at(2025, 7, 10, 17));
        submitAt(second, "trung-tam-hcc", at(2025, 7, 5, 9));
        submitAt(second, "kinh-te", at(2025, 7, 10, 16));
        submitAt(second, "van-phong", at(2025, 7, 11, 8));
        periods.close(second.getId());

        // 6 tháng cuối năm 2025, open, deadline 15/01/2026 17:00: the centre already in.
        clock.set(at(2025, 12, 20, 9));
        ReportingPeriod third = open(LocalDate.of(2025, 9, 1), at(2026, 1, 15, 17));
        submitAt(third, "trung-tam-hcc", at(2026, 1, 5, 9));
        clock.set(at(2026, 1, 10, 9));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static ZonedDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, HANOI);
    }

    static ReportingPeriod open(LocalDate day, ZonedDateTime deadline) {
        PeriodService.Opening opening = periods.open("binh-lu", scope.report(), PeriodKey.containing(Frequency.HALF_YEAR, day),
                deadline.toInstant());
        assertThat(opening.outcome()).isEqualTo(PeriodService.OpenOutcome.OPENED);
        return opening.period();
    }

    static void submitAt(ReportingPeriod period, String department, ZonedDateTime when) {
        clock.set(when);
        assertThat(collection.submit(period, department, admin.getId(), DEPARTMENTS).submitted()).isTrue();
    }

    static String tiendo() {
        return String.join("\n", bot.bean(ConversationEngine.class)
                .handle(Inbound.text(new ChannelIdentity("telegram", "1001", "1001"), "t" + (++delivery), null, "/tiendo"))
                .messages().stream().map(Outbound::text).toList());
    }

    @Test
    void aPeriodCountsOnceDueAndAPartByItsFirstHandIn() {
        clock.set(at(2026, 1, 10, 9));
        Map<String, Timeliness.Record> records = timeliness.lastPeriods("binh-lu", "cchc", DEPARTMENTS, Timeliness.LAST_PERIODS);
        assertThat(records.get("trung-tam-hcc")).isEqualTo(new Timeliness.Record("trung-tam-hcc", 2, 2));
        assertThat(records.get("kinh-te")).isEqualTo(new Timeliness.Record("kinh-te", 1, 2));
        assertThat(records.get("van-phong")).isEqualTo(new Timeliness.Record("van-phong", 0, 2));
        assertThat(records.get("van-hoa-xa-hoi")).isEqualTo(new Timeliness.Record("van-hoa-xa-hoi", 1, 2));
        // Only the last one looked at, the newest: the first period falls out.
        assertThat(timeliness.lastPeriods("binh-lu", "cchc", DEPARTMENTS, 1).get("kinh-te")).isEqualTo(new Timeliness.Record("kinh-te", 1, 1));
        // Another commune has none of these periods.
        assertThat(timeliness.lastPeriods("mau-thu", "cchc", DEPARTMENTS, 4).get("kinh-te").due()).isZero();
    }

    @Test
    void theOfficeSeesEachDepartmentsRecordInItsProgress() {
        clock.set(at(2026, 1, 10, 9));
        String progress = tiendo();
        assertThat(progress).contains("Trung tâm Phục vụ hành chính công: đã nộp").contains("đúng hạn 2/2 kỳ gần nhất")
                .contains("Phòng Kinh tế: chưa bắt đầu · đúng hạn 1/2 kỳ gần nhất")
                .contains("Văn phòng HĐND và UBND: chưa bắt đầu · đúng hạn 0/2 kỳ gần nhất");
        // Once the open period's deadline passes, it counts too: who has not handed in is not on time in it.
        clock.set(at(2026, 1, 16, 9));
        assertThat(tiendo()).contains("Phòng Kinh tế: chưa bắt đầu · đúng hạn 1/3 kỳ gần nhất")
                .containsPattern("Trung tâm Phục vụ hành chính công: đã nộp[^\\n]* · đúng hạn 3/3 kỳ gần nhất");
        clock.set(at(2026, 1, 10, 9));
    }

    @Test
    void theConsolesProgressAndReportPagesShowTheRecords() throws Exception {
        clock.set(at(2026, 1, 10, 9));
        SignedIn office = WebSessions.signIn(bot, Office.ADMIN);
        String grid = app.mvc().perform(get("/app/office").cookie(office.cookie())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(grid).containsPattern("(?s)id=\"dept-kinh-te\"(?:(?!</li>).)*Nộp đúng hạn 1/2 kỳ gần nhất\\.")
                .containsPattern("(?s)id=\"dept-trung-tam-hcc\"(?:(?!</li>).)*Nộp đúng hạn 2/2 kỳ gần nhất\\.");
        String report = app.mvc().perform(get("/app/office/report").cookie(office.cookie())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Nộp đúng hạn các kỳ gần nhất").contains("Phòng Văn hóa - Xã hội: đúng hạn 1/2 kỳ gần nhất")
                .contains("Văn phòng HĐND và UBND: đúng hạn 0/2 kỳ gần nhất");
    }
}
