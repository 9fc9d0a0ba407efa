package vn.communereport.reminder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every few minutes for periods whose data window ended, to propose them to their office. */
@Component
class PeriodProposalJob {

    private static final Logger logger = LoggerFactory.getLogger(PeriodProposalJob.class);

    private final PeriodProposals proposals;

    PeriodProposalJob(PeriodProposals proposals) {
        this.proposals = proposals;
    }

    /** One instance at a time (period_proposal's unique key would refuse a second proposal anyway). */
    @Scheduled(fixedDelayString = "${app.windows.check-interval:PT5M}", initialDelayString = "${app.windows.initial-delay:PT40S}")
    @SchedulerLock(name = "period-proposals", lockAtMostFor = "PT10M", lockAtLeastFor = "${app.windows.lock-at-least-for:PT1M}")
    public void run() {
        try {
            int queued = proposals.queueDue();
            if (queued > 0) {
                logger.info("Proposed periods to {} office administrators", queued);
            }
        } catch (RuntimeException e) {
            // Another instance may have proposed the same period first; the next round sees it.
            logger.warn("Periods not proposed this round: {}", e.getMessage());
        }
    }
}
