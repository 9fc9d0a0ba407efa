package vn.communereport.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Messages that must go out even if the process stops first: stored in the same transaction that decided
 * to send them, then sent by whichever instance claims them. A claim is a lease, so a sender that dies
 * mid-batch leaves its messages to another.
 */
@Service
public class Outbox {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final OutboxRepository messages;
    private final Clock clock;
    private final String senderId = UUID.randomUUID().toString();

    Outbox(OutboxRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public void enqueue(List<Outbound> outbound) {
        Instant now = clock.instant();
        outbound.forEach(m -> messages.save(new OutboxMessage(m, now)));
    }

    /** A message taken by this sender, to be sent and then marked. */
    public record Claimed(long id, Outbound message) {
    }

    @Transactional
    public List<Claimed> claim(int max) {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        for (Long id : messages.pendingIds(now, PageRequest.of(0, max))) {
            if (messages.claim(id, senderId, now.plus(LEASE), now) == 1) {
                claimed.add(new Claimed(id, messages.findById(id).orElseThrow().toOutbound()));
            }
        }
        return claimed;
    }

    @Transactional
    public void markSent(long id, String outcome) {
        messages.findById(id).ifPresent(m -> m.sent(clock.instant(), outcome));
    }

    @Transactional(readOnly = true)
    public long pending() {
        return messages.countBySentAtIsNull();
    }
}
