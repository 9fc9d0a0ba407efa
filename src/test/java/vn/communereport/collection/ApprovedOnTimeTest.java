package vn.communereport.collection;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.province.progress.CommuneStatus;
import vn.communereport.province.progress.ProvinceProgress;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * Where the report asks for the head's approval, a part counts as in when it is approved, not when it is handed in: in
 * the department's on-time record (/tiendo, the console) and in the province's completeness and timeliness.
 */
class ApprovedOnTimeTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> DEPARTMENTS = List.of("van-phong", "kinh-te", "van-hoa-xa-hoi", "trung-tam-hcc");

    @TempDir
    static Path data;
    static BotProcess bot;
    static MutableClock clock;
    static ReportingPeriod period;
    static ReportScope scope;

    @BeforeAll
    static void start() {
        clock = new MutableClock(at(2025, 6, 20, 9));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = bot.bean(AccessService.class).recognise(new ChannelIdentity("telegram", "1001", "1001"), "Văn phòng").orElseThrow();
        CollectionService collection = bot.bean(CollectionService.class);
        PartApprovals approvals = bot.bean(PartApprovals.class);
        PeriodService periods = bot.bean(PeriodService.class);
        // 6 tháng đầu năm 2025, deadline 10/07/2025 17:00; every part handed in on time.
        period = periods.open("binh-lu", scope.report(), PeriodKey.containing(Frequency.HALF_YEAR, LocalDate.of(2025, 3, 1)),
                at(2025, 7, 10, 17).toInstant()).period();
        clock.set(at(2025, 7, 9, 9));
        for (String department : DEPARTMENTS) {
            // The Văn phòng has no head: in as handed in. The others wait for their heads.
            assertThat(collection.submit(period, department, admin.getId(), DEPARTMENTS, !department.equals("van-phong")).submitted()).isTrue();
        }
        clock.set(at(2025, 7, 10, 16));
        approve(approvals, collection, "kinh-te", admin); // approved before the deadline: on time
        clock.set(at(2025, 7, 11, 8));
        approve(approvals, collection, "van-hoa-xa-hoi", admin); // handed in on time, approved after it: late
        // trung-tam-hcc: still waiting for its head when the period closes: never in
        clock.set(at(2025, 7, 11, 10));
        periods.close(period.getId());
    }

    static void approve(PartApprovals approvals, CollectionService collection, String department, Member by) {
        Submission s = collection.submission(period.getId(), department).orElseThrow();
        assertThat(approvals.approve(s.getId(), s.getVersion(), by.getId(), DEPARTMENTS).outcome()).isEqualTo(PartApprovals.Outcome.APPROVED);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    static ZonedDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, HANOI);
    }

    @Test
    void theDepartmentsOnTimeRecordCountsAPartFromItsApproval() {
        Map<String, Timeliness.Record> records = bot.bean(Timeliness.class).lastPeriods("binh-lu", "cchc", DEPARTMENTS, 4);
        assertThat(records.get("van-phong").onTime()).as("no approval asked: the hand-in").isEqualTo(1);
        assertThat(records.get("kinh-te").onTime()).as("approved before the deadline").isEqualTo(1);
        assertThat(records.get("van-hoa-xa-hoi").onTime()).as("approved after the deadline").isZero();
        assertThat(records.get("trung-tam-hcc").onTime()).as("never approved").isZero();
        assertThat(records.values()).allMatch(r -> r.due() == 1);
    }

    @Test
    void theProvincesCompletenessAndTimelinessCountAPartFromItsApproval() {
        CommuneDefinition commune = scope.commune();
        CommuneStatus status = bot.bean(ProvinceProgress.class).of(commune, scope.report(), period.key());
        assertThat(status.submitted()).as("parts in: the waiting one is not").isEqualTo(3);
        assertThat(status.onTime()).as("in by the deadline: the Văn phòng and Kinh tế").isEqualTo(2);
        assertThat(status.state()).isEqualTo(CommuneStatus.State.OVERDUE);
    }
}
