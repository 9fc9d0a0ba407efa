package vn.communereport.reminder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every few minutes for reminders that are due. */
@Component
class ReminderJob {

    private static final Logger logger = LoggerFactory.getLogger(ReminderJob.class);

    private final ReminderService reminders;

    ReminderJob(ReminderService reminders) {
        this.reminders = reminders;
    }

    /** One instance at a time; the next minute's round on another instance is skipped too (reminder_log would refuse its duplicates anyway). */
    @Scheduled(fixedDelayString = "${app.reminders.check-interval:PT5M}", initialDelayString = "${app.reminders.initial-delay:PT30S}")
    @SchedulerLock(name = "reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "${app.reminders.lock-at-least-for:PT1M}")
    public void run() {
        try {
            int queued = reminders.queueDue();
            if (queued > 0) {
                logger.info("Queued {} reminders", queued);
            }
        } catch (RuntimeException e) {
            // Another instance may have queued the same slot first; the next round sees it.
            logger.warn("Reminders not queued this round: {}", e.getMessage());
        }
    }
}
