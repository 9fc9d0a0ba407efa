package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Flow;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.TestDatabase;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * A database of one commune, written by the schema of V1..V9 (the last before many communes), is upgraded by V13 and
 * used by the application of many communes and reports: every row is found, and people carry on where they were.
 * Runs on H2, and on PostgreSQL with {@code -Dtest.postgresql.url}.
 */
class MigrationToManyCommunesTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long ADMIN = 1001;
    static final long ECONOMIST = 2001;
    static final long CULTURE = 2002;

    @TempDir
    Path data;

    @Test
    void aSingleCommuneDatabaseMigratesUnchangedAndEveryoneCarriesOn() {
        Map<String, String> settings = TestDatabase.settingsFor(data);
        DriverManagerDataSource source = new DriverManagerDataSource(settings.get("spring.datasource.url"),
                settings.getOrDefault("spring.datasource.username", "sa"), settings.getOrDefault("spring.datasource.password", ""));
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate db = new JdbcTemplate(source);
        Flow economy = DefinitionFiles.load(Path.of("conversations")).report("cchc").orElseThrow().flow("kinh-te").orElseThrow();
        String first = economy.questions().get(0).id();
        String second = economy.questions().get(1).id();
        // OffsetDateTime: what both H2's and PostgreSQL's drivers take for a timestamp with time zone.
        OffsetDateTime opened = ZonedDateTime.of(2026, 5, 4, 8, 0, 0, 0, HANOI).toOffsetDateTime();
        // The old shape: one commune, one report; members with their Telegram identities; a period, answers, a state.
        db.update("insert into member (id, commune_code, display_name, department_code, office_admin, active, created_at) values "
                + "(1, 'binh-lu', 'Lò Văn Phòng', null, true, true, ?), (2, 'binh-lu', 'Hà Thị Kinh', 'kinh-te', false, true, ?), "
                + "(3, 'binh-lu', 'Tòng Văn Hóa', 'van-hoa-xa-hoi', false, true, ?)", opened, opened, opened);
        db.update("insert into member_identity (member_id, channel, user_ref, address) values "
                + "(1, 'telegram', '1001', '1001'), (2, 'telegram', '2001', '2001'), (3, 'telegram', '2002', '2002')");
        db.update("insert into reporting_period (id, commune_code, report_code, period_key, starts_on, ends_on, deadline, status, opened_at) "
                + "values (1, 'binh-lu', 'cchc', '2026-H1', ?, ?, ?, 'OPEN', ?)", java.sql.Date.valueOf("2026-01-01"),
                java.sql.Date.valueOf("2026-06-30"), ZonedDateTime.of(2026, 6, 15, 17, 0, 0, 0, HANOI).toOffsetDateTime(), opened);
        db.update("insert into answer (period_id, question_id, department_code, value_number, updated_by, updated_at) values (1, ?, 'kinh-te', 12, 2, ?)",
                first, opened);
        db.update("insert into conversation_state (member_id, mode, period_id, question_id, updated_at) values (2, 'ANSWERING', 1, ?, ?)",
                second, opened);
        db.update("insert into submission (period_id, department_code, status, submitted_by, submitted_at) values (1, 'van-hoa-xa-hoi', 'SUBMITTED', 3, ?)",
                opened);
        db.update("alter table member alter column id restart with 100");
        db.update("alter table reporting_period alter column id restart with 100");

        FakeBotApi api = FakeBotApi.start(BotProcess.TOKEN);
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, HANOI));
        try (api; BotProcess bot = BotProcess.start(api.baseUrl(), data, String.valueOf(ADMIN), Map.of(), clock)) {
            assertThat(db.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '13' and \"success\" = true",
                    Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from member", Integer.class)).isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from answer", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("select report_code from member where id = 2", String.class)).isEqualTo("cchc");
            assertThat(db.queryForObject("select count(*) from acting_membership", Integer.class)).isZero();

            // The member in the middle of a question is put back at it: no report to choose, the only one open is theirs.
            FakeUser economist = api.user(ECONOMIST, "Hà Thị Kinh");
            economist.sends("/start");
            SentMessage resumed = economist.awaitText("Tiếp tục từ câu đang dở", WAIT);
            assertThat(resumed.text()).contains("Câu 2/" + economy.size());
            // The submitted part is still submitted.
            FakeUser culture = api.user(CULTURE, "Tòng Văn Hóa");
            culture.sends("/start");
            assertThat(culture.awaitNext(WAIT).text()).contains("đã được nộp");
            // The office (OFFICE_ADMIN_IDS, as before) sees the same period's progress.
            FakeUser admin = api.user(ADMIN, "Lò Văn Phòng");
            admin.sends("/tiendo");
            SentMessage progress = admin.awaitText("6 tháng đầu năm 2026", WAIT);
            assertThat(progress.text()).contains("Báo cáo cải cách hành chính").contains("1/" + economy.size());
            assertThat(db.queryForObject("select count(*) from reporting_period", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from member where office_admin = true", Integer.class)).isEqualTo(1);
        }
    }
}
