package vn.communereport.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;
import vn.communereport.testsupport.Office;

/**
 * Reminders escalate as the shipped cchc says (2 and 4 working days after the deadline day): members first, then the
 * head about those who have not answered, then the office's summary naming them; each once, within working hours.
 */
@LongRunning
class ReminderEscalationTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path data;
    BotProcess bot;
    MutableClock clock;
    AccessService access;
    JdbcTemplate jdbc;
    ReminderService reminders;

    @BeforeEach
    void start() {
        // Monday 1 June 2026; the deadline is Friday 5 June, 17:00.
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 1, 9, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, String.valueOf(Office.ADMIN),
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        access = bot.bean(AccessService.class);
        jdbc = bot.bean(JdbcTemplate.class);
        reminders = bot.bean(ReminderService.class);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    private List<String> escalations(Member to) {
        return jdbc.queryForList("select text from outbox_message where member_id = ? and text like '📣%' order by id",
                String.class, to.getId());
    }

    private void at(int day, int hour, int minute) {
        clock.set(ZonedDateTime.of(2026, 6, day, hour, minute, 0, 0, HANOI));
        reminders.queueDue();
    }

    @Test
    void theHeadIsToldAfterTwoWorkingDaysAndTheOfficeAfterFourEachOnceWithinWorkingHours() {
        ReportScope scope = bot.bean(ReportScopes.class).of("binh-lu", "cchc").orElseThrow();
        Member admin = access.recognise(telegram(Office.ADMIN), "Lò Văn Phòng").orElseThrow();
        Member kinh = access.redeem(access.createInvite(admin, "kinh-te"), telegram(2001), "Hà Thị Kinh").member();
        Member head = access.redeem(access.createInvite(admin, "kinh-te"), telegram(2002), "Lò Văn Trưởng").member();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(2003), "Tao Văn Ba");
        access.redeem(access.createInvite(admin, "van-phong"), telegram(2011), "Vàng Văn Phòng");
        bot.bean(DepartmentHeads.class).name(admin, head.getId());
        OfficeDesk desk = bot.bean(OfficeDesk.class);
        var opened = desk.openPeriod(scope, admin, PeriodKey.containing(scope.report().frequency(), java.time.LocalDate.of(2026, 6, 1)),
                ZonedDateTime.of(2026, 6, 5, 17, 0, 0, 0, HANOI));
        assertThat(opened.outcome().outcome()).isEqualTo(OfficeDesk.Open.OPENED);
        // Hà Thị Kinh answers one question; Tao Văn Ba and the head none.
        Question first = scope.report().flow("kinh-te").orElseThrow().questions().stream().filter(q -> q.type().numeric())
                .findFirst().orElseThrow();
        bot.bean(CollectionService.class).save(opened.outcome().period(), first, AnswerValue.ofNumber(BigDecimal.TEN), kinh.getId(), null, false);

        at(5, 8, 0);   // the deadline day: members are reminded, nobody above them
        at(8, 8, 0);   // the first working day after it
        assertThat(escalations(head)).isEmpty();
        assertThat(escalations(admin)).isEmpty();
        at(9, 17, 30); // the second working day, but after working hours
        assertThat(escalations(head)).isEmpty();
        at(10, 8, 0);
        List<String> toHead = escalations(head);
        assertThat(toHead).hasSize(1);
        assertThat(toHead.get(0)).contains("Phòng Kinh tế").contains("1/").contains("Tao Văn Ba").doesNotContain("Hà Thị Kinh");
        at(10, 9, 0);
        assertThat(escalations(head)).as("once").hasSize(1);
        assertThat(escalations(admin)).isEmpty();

        at(11, 8, 0);  // the fourth working day: the office's summary, naming who has not answered
        List<String> toOffice = escalations(admin);
        assertThat(toOffice).hasSize(1);
        assertThat(toOffice.get(0)).contains("Phòng Kinh tế").contains("trưởng phòng: Lò Văn Trưởng").contains("Tao Văn Ba")
                .contains("Vàng Văn Phòng").contains("4/4 phần chưa nộp");
        at(12, 8, 0);
        assertThat(escalations(admin)).as("once").hasSize(1);
        assertThat(escalations(head)).hasSize(1);
        // Members were reminded first; once entry locked (the deadline and its 24 hours of grace) only those above them are
        // told, since only the office can let the department in late.
        List<Long> memberReminders = jdbc.queryForList("select id from outbox_message where member_id = ?"
                + " and (text like '⏰%' or text like '⚠️%') order by id", Long.class, kinh.getId());
        assertThat(memberReminders).isNotEmpty();
        Long firstEscalation = jdbc.queryForObject("select min(id) from outbox_message where member_id = ? and text like '📣%'",
                Long.class, head.getId());
        assertThat(memberReminders.get(0)).isLessThan(firstEscalation);
    }
}
