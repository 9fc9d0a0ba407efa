package vn.communereport.telegram;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import vn.communereport.messaging.Outbox;

/** Sends what the outbox holds, paced like every other message; a failed send stays for the next round. */
class OutboxDrainer {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final TelegramSender sender;

    OutboxDrainer(Outbox outbox, TelegramSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${app.outbox.poll-interval:PT1S}")
    void scheduledDrain() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox could not be drained now: {}", e.getMessage());
        }
    }

    /** Sends until the outbox is empty; returns how many messages went out. */
    synchronized int drain() {
        int sent = 0;
        while (true) {
            List<Outbox.Claimed> batch = outbox.claim(BATCH);
            if (batch.isEmpty()) {
                return sent;
            }
            for (Outbox.Claimed claimed : batch) {
                TelegramSender.Delivery delivery = sender.send(claimed.message());
                if (delivery == TelegramSender.Delivery.FAILED) {
                    // Telegram unreachable: leave it, the lease runs out and it is tried again.
                    return sent;
                }
                outbox.markSent(claimed.id(), delivery.name());
                sent++;
            }
        }
    }
}
