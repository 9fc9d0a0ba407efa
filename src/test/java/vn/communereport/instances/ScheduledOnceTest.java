package vn.communereport.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.reminder.ReminderService;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.SharedDatabaseInstances;

/**
 * Two instances of the application on one database (PostgreSQL with {@code -Dtest.postgresql.url}, else one H2
 * file): a scheduled job runs on one of them at a time, every real scheduled job is locked so, and the reminders
 * of one slot are queued once even when both instances queue them at the same moment, without the lock.
 */
@LongRunning
class ScheduledOnceTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long ADMIN = 1001;

    @TempDir
    static Path data;
    static ConfigurableApplicationContext one;
    static ConfigurableApplicationContext two;

    /** A job of the test's, in both instances; its runs are counted across them (one JVM). */
    public static class SlowJob {
        static final AtomicInteger RUNS = new AtomicInteger();

        @SchedulerLock(name = "test-slow-job", lockAtMostFor = "PT1M")
        public void run() throws InterruptedException {
            RUNS.incrementAndGet();
            Thread.sleep(1_500);
        }
    }

    @BeforeAll
    static void start() {
        // Friday 18 December 2026, 09:00: the morning of the deadline day, a reminder slot.
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 12, 18, 9, 0, 0, 0, HANOI).toInstant(), HANOI);
        Map<String, String> settings = Map.of("app.office-admin-ids", String.valueOf(ADMIN));
        one = SharedDatabaseInstances.start(data, "one", settings, clock, SlowJob.class);
        two = SharedDatabaseInstances.start(data, "two", settings, clock, SlowJob.class);
    }

    @AfterAll
    static void stop() {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void aJobStartedOnBothInstancesAtOnceRunsOnOne() throws Exception {
        SlowJob.RUNS.set(0);
        List<SlowJob> jobs = List.of(one.getBean(SlowJob.class), two.getBean(SlowJob.class));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (SlowJob job : jobs) {
                runs.add(threads.submit(() -> {
                    together.await();
                    job.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(SlowJob.RUNS.get()).as("the second instance skipped it while the first held the lock").isEqualTo(1);
        String holder = jdbc().queryForObject("select locked_by from shedlock where name = 'test-slow-job'", String.class);
        assertThat(holder).isNotBlank();

        jobs.get(1).run();
        assertThat(SlowJob.RUNS.get()).as("released once done: the next round runs").isEqualTo(2);
    }

    @Test
    void everyScheduledJobOfTheApplicationTakesALockOfItsOwn() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> names = new HashSet<>();
        int scheduled = 0;
        for (BeanDefinition bean : scanner.findCandidateComponents("vn.communereport")) {
            for (Method method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    scheduled++;
                    SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                    assertThat(lock).as("%s.%s runs on every instance without a lock", bean.getBeanClassName(), method.getName()).isNotNull();
                    assertThat(names.add(lock.name())).as("lock name %s used twice", lock.name()).isTrue();
                    assertThat(method.getReturnType().isPrimitive() && method.getReturnType() != void.class)
                            .as("ShedLock cannot lock %s, which returns a primitive", method.getName()).isFalse();
                }
            }
        }
        assertThat(scheduled).as("reminders, sessions' and deliveries' clean-ups").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theReminderJobHoldsItsLockForAMinuteAfterItRan() throws Exception {
        Object job = one.getBean("reminderJob");
        job.getClass().getMethod("run").invoke(job);
        Map<String, Object> row = jdbc().queryForMap("select lock_until, locked_at from shedlock where name = 'reminders'");
        Duration held = Duration.between(((Timestamp) row.get("locked_at")).toInstant(), ((Timestamp) row.get("lock_until")).toInstant());
        assertThat(held).as("lockAtLeastFor: the other instance's round in the next minute is skipped")
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
    }

    @Test
    void aSlotsRemindersAreQueuedOnceWhenBothInstancesQueueThemAtTheSameMoment() throws Exception {
        ReportScope scope = one.getBean(ReportScopes.class).all().get(0);
        AccessService access = one.getBean(AccessService.class);
        Member admin = access.officeAdmins(scope.communeCode()).get(0);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = access.createInvite(admin, "van-phong");
            members.add(access.redeem(code, new ChannelIdentity("telegram", String.valueOf(3000 + i), String.valueOf(3000 + i)), "Người " + i)
                    .member().getId());
        }
        PeriodKey key = PeriodKey.containing(scope.report().frequency(), ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, HANOI).toLocalDate());
        one.getBean(PeriodService.class).open(scope.communeCode(), scope.report(), key,
                ZonedDateTime.of(2026, 12, 18, 17, 0, 0, 0, HANOI).toInstant());
        jdbc().update("delete from outbox_message");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> rounds = new ArrayList<>();
        try {
            for (ConfigurableApplicationContext instance : List.of(one, two)) {
                ReminderService reminders = instance.getBean(ReminderService.class);
                rounds.add(threads.submit(() -> {
                    together.await();
                    try {
                        return reminders.queueDue();
                    } catch (DataIntegrityViolationException lost) {
                        return 0; // the other instance's round recorded the same reminders first
                    } catch (RuntimeException lost) {
                        return 0; // H2 may report the same race as a lock timeout
                    }
                }));
            }
            int queued = 0;
            for (Future<Integer> round : rounds) {
                queued += round.get(60, TimeUnit.SECONDS);
            }
            assertThat(queued).isEqualTo(members.size());
        } finally {
            threads.shutdownNow();
        }
        for (long member : members) {
            assertThat(jdbc().queryForObject("select count(*) from outbox_message where recipient_key = ?", Long.class, "member:" + member))
                    .as("member %d reminded once", member).isEqualTo(1L);
        }
        assertThat(jdbc().queryForObject("select count(*) from outbox_message", Long.class)).isEqualTo((long) members.size());
        assertThat(two.getBean(ReminderService.class).queueDue()).as("nothing left to queue for this slot").isZero();

        Map<String, Object> logged = jdbc().queryForMap("select period_id, slot_key, member_id from reminder_log where member_id = ?", members.get(0));
        assertThatThrownBy(() -> jdbc().update("insert into reminder_log (period_id, slot_key, member_id, sent_at) values (?, ?, ?, current_timestamp)",
                logged.get("period_id"), logged.get("slot_key"), logged.get("member_id")))
                .as("the unique key is the guarantee").isInstanceOf(DataIntegrityViolationException.class);
    }

    private static JdbcTemplate jdbc() {
        return one.getBean(JdbcTemplate.class);
    }
}
