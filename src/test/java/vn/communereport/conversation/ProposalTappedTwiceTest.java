package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Frequency;
import vn.communereport.messaging.Outbound;
import vn.communereport.reminder.PeriodProposals;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.MutableClock;

/**
 * Two taps of «Mở kỳ» under one proposal at the same moment (two admins, or one admin's double tap on a slow line,
 * each handled by its own thread as two instances would): the period opens once, members are told once, the
 * opening is audited once, and the other tap is told it was already opened. Round after round, the period is put
 * back to "proposed, not opened" and both taps race again.
 */
class ProposalTappedTwiceTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final PeriodKey H1 = new PeriodKey(Frequency.HALF_YEAR, 2026, 1);
    static final int ROUNDS = 12;
    static final AtomicInteger DELIVERY = new AtomicInteger();

    @TempDir
    static Path data;
    static BotProcess bot;
    static ExecutorService threads;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 6, 15, 8, 0, 0, 0, HANOI));
        bot = BotProcess.start("http://127.0.0.1:9", data, "1001,1002",
                Map.of("telegram.enabled", "false", "app.reminders.initial-delay", "PT24H"), clock);
        AccessService access = bot.bean(AccessService.class);
        Member admin = access.recognise(telegram(1001), "Văn phòng").orElseThrow();
        access.recognise(telegram(1002), "Văn phòng hai").orElseThrow();
        access.redeem(access.createInvite(admin, "kinh-te"), telegram(3001), "Kinh");
        assertThat(bot.bean(PeriodProposals.class).queueDue()).isEqualTo(2); // one proposal, to each admin
        // The half-year's row exists, as it does once anyone has used the bot in it (its first creation by two turns
        // at once is another race, of PeriodService.currentPeriod, not the tap's).
        bot.bean(PeriodService.class).currentPeriod(bot.bean(vn.communereport.definition.ReportScopes.class).of("binh-lu", "cchc").orElseThrow());
        clock.set(ZonedDateTime.of(2026, 6, 15, 9, 30, 0, 0, HANOI));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        bot.close();
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    @Test
    void twoTapsAtOnceOpenThePeriodOnceAndTheSecondIsToldItIsOpen() throws Exception {
        twoTapsAtOnce(1001, 1002);
    }

    @Test
    void aDoubleTapOfOneAdminOpensItOnce() throws Exception {
        twoTapsAtOnce(1001, 1001);
    }

    private void twoTapsAtOnce(long first, long second) throws Exception {
        ConversationEngine engine = bot.bean(ConversationEngine.class);
        JdbcTemplate jdbc = bot.bean(JdbcTemplate.class);
        for (int round = 0; round < ROUNDS; round++) {
            notOpenedYet(jdbc);
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<List<String>>> taps = new ArrayList<>();
            for (long who : List.of(first, second)) {
                taps.add(threads.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return engine.handle(Inbound.button(telegram(who), "t" + DELIVERY.incrementAndGet(), "Văn phòng", "okw|2026-H1-cchc"))
                            .messages().stream().map(Outbound::text).toList();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            gate.countDown();
            int opened = 0;
            int already = 0;
            int membersTold = 0;
            for (Future<List<String>> tap : taps) {
                List<String> said = tap.get(60, TimeUnit.SECONDS);
                opened += said.stream().anyMatch(t -> t.contains("Đã mở kỳ 6 tháng đầu năm 2026")) ? 1 : 0;
                membersTold += (int) said.stream().filter(t -> t.contains("Văn phòng đã mở")).count();
                already += said.stream().anyMatch(t -> t.contains("đã được mở trước đó (hạn nộp 17:00 ngày 16/06/2026)")) ? 1 : 0;
            }
            assertThat(opened).as("round %d: taps that opened the period", round).isEqualTo(1);
            assertThat(membersTold).as("round %d: messages to the one member", round).isEqualTo(1);
            assertThat(already).as("round %d: taps told it was already opened", round).isEqualTo(1);
            ReportingPeriod h1 = bot.bean(PeriodService.class).find("binh-lu", "cchc", H1).orElseThrow();
            assertThat(h1.isOpen()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from submission_event where event = 'PERIOD_OPENED' and period_id = ?",
                    Long.class, h1.getId())).as("round %d: openings audited", round).isEqualTo(1L);
        }
    }

    /** Puts the period back as the proposal found it: no deadline, nobody's tap taken, nobody told, nothing audited. */
    private static void notOpenedYet(JdbcTemplate jdbc) {
        jdbc.update("update period_proposal set opened_at = null, opened_by = null");
        jdbc.update("update reporting_period set deadline = null where period_key = '2026-H1' and report_code = 'cchc'");
        jdbc.update("delete from submission_event where event = 'PERIOD_OPENED'");
    }
}
