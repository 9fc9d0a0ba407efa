package vn.communereport.conversation;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets processed deliveries once no re-delivery can come: Telegram keeps an unconfirmed update for 24 hours at
 * most, so a week is ample. Without this the table grows by one row for every message anyone ever sent. Safe on
 * several instances at once: a row deleted twice is deleted once.
 */
@Component
class DeliveryLogCleanup {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryLogCleanup.class);

    private final ProcessedDeliveryRepository deliveries;
    private final Clock clock;
    private final Duration keep;

    DeliveryLogCleanup(ProcessedDeliveryRepository deliveries, Clock clock,
                       @Value("${app.deliveries.keep:P7D}") Duration keep) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${app.deliveries.cleanup-interval:PT6H}", initialDelayString = "${app.deliveries.cleanup-initial-delay:PT10M}")
    @SchedulerLock(name = "delivery-log-cleanup")
    @Transactional
    public Integer removeOld() { // boxed: ShedLock refuses to lock a method that returns a primitive
        int removed = deliveries.deleteProcessedBefore(clock.instant().minus(keep));
        if (removed > 0) {
            logger.info("Forgot {} processed deliveries older than {}", removed, keep);
        }
        return removed;
    }
}
