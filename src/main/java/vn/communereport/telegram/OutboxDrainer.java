package vn.communereport.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import vn.communereport.messaging.Outbox;

/**
 * Sends what the outbox holds. Two ways in: a turn's own messages, sent by the update's handler right after the
 * turn's commit ({@link #sendNow}), and everything else (reminders, a turn's messages that had to wait behind an
 * earlier one, whatever a failed or dead sender left) by a thread of its own that looks every poll interval and
 * whenever woken. Each message is marked as soon as Telegram has it (the mark is written within milliseconds, see
 * {@code messaging.DoneMarks}). A message Telegram does not take now stays in
 * the outbox and is tried again, however long that takes: after the time a 429 asks for, after a backoff of 0.5 s
 * doubling to 15 s for 5xx and network failures. Nothing is ever given up on for want of Telegram.
 */
class OutboxDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 50;
    private static final long FIRST_BACKOFF = 500;
    private static final long MAX_BACKOFF = 15_000;

    private final Outbox outbox;
    private final TelegramSender sender;
    private final long pollMillis;
    private final Object signal = new Object();

    // guarded by signal
    private boolean woken;
    private boolean running;
    private Thread thread;

    /** Only the drainer thread touches these. */
    private long backoff = FIRST_BACKOFF;
    private long resumeAtNanos = System.nanoTime();

    OutboxDrainer(Outbox outbox, TelegramSender sender, Duration pollInterval) {
        this.outbox = outbox;
        this.sender = sender;
        this.pollMillis = Math.max(1, pollInterval.toMillis());
    }

    /**
     * Sends one turn's messages in order, on the caller's thread, right after the turn's commit. Those the outbox
     * did not give this process to send (an earlier message to the same person is still waiting) are left to the
     * drainer thread. The first one Telegram does not take ends the sending: it and the rest go back to the outbox
     * for the drainer thread, which backs off. {@code writer}: the member who just wrote, and from which chat (may be
     * null): their messages go there without looking the chat up.
     */
    void sendNow(List<Outbox.Queued> turn, TelegramSender.KnownChat writer) {
        try {
            boolean handOver = false;
            List<Long> giveBack = new ArrayList<>();
            boolean stopped = false;
            for (Outbox.Queued message : turn) {
                if (!message.sendNow()) {
                    handOver = true;
                } else if (stopped) {
                    giveBack.add(message.id());
                } else {
                    long paused = sender.pausedForMillis();
                    TelegramSender.Attempt attempt = paused > 0 ? TelegramSender.Attempt.retry(paused) : deliver(message, writer);
                    if (attempt.delivery() == TelegramSender.Delivery.RETRY) {
                        stopped = true;
                        outbox.release(List.of(message.id()), Duration.ofMillis(Math.max(attempt.retryAfterMillis(), FIRST_BACKOFF)));
                        handOver = true;
                    }
                }
            }
            // The first that failed waits a moment; the later ones wait behind it, each in its recipient's line.
            if (!giveBack.isEmpty()) {
                outbox.release(giveBack, Duration.ZERO);
            }
            if (handOver) {
                wake();
            }
        } catch (RuntimeException e) {
            // The database, most likely: what was not marked or given back is sent by the drainer once its lease runs out.
            log.warn("A turn's messages are left to the outbox: {}", e.toString());
            wake();
        }
    }

    /** Looks at the outbox now instead of at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Sends what may go now until nothing may; returns how many messages were done with. Stops at the first message
     * Telegram does not take (the rest go back to the outbox) and backs off before the next round.
     */
    synchronized int drain() {
        int done = 0;
        while (isRunningOrUnmanaged()) {
            List<Outbox.Queued> batch = outbox.claim(BATCH);
            if (batch.isEmpty()) {
                return done;
            }
            for (int i = 0; i < batch.size(); i++) {
                if (!isRunningOrUnmanaged()) {
                    outbox.release(idsFrom(batch, i), Duration.ZERO);
                    return done;
                }
                long paused = sender.pausedForMillis();
                TelegramSender.Attempt attempt = paused > 0 ? TelegramSender.Attempt.retry(paused) : deliver(batch.get(i), null);
                if (attempt.delivery() == TelegramSender.Delivery.RETRY) {
                    long wait;
                    if (attempt.retryAfterMillis() > 0) {
                        wait = attempt.retryAfterMillis(); // Telegram said how long
                    } else {
                        wait = backoff;
                        backoff = Math.min(backoff * 2, MAX_BACKOFF);
                    }
                    resumeAtNanos = System.nanoTime() + wait * 1_000_000L;
                    outbox.release(List.of(batch.get(i).id()), Duration.ofMillis(wait));
                    if (i + 1 < batch.size()) {
                        outbox.release(idsFrom(batch, i + 1), Duration.ZERO);
                    }
                    return done;
                }
                done++;
            }
            backoff = FIRST_BACKOFF;
        }
        return done;
    }

    private static List<Long> idsFrom(List<Outbox.Queued> batch, int from) {
        return batch.subList(from, batch.size()).stream().map(Outbox.Queued::id).toList();
    }

    /** One attempt, marked at once when it is done with (sent, blocked, refused); a RETRY is the caller's to handle. */
    private TelegramSender.Attempt deliver(Outbox.Queued message, TelegramSender.KnownChat writer) {
        TelegramSender.Attempt attempt;
        try {
            attempt = sender.send(message.message(), writer);
        } catch (RuntimeException e) {
            // Not Telegram: the database (finding the member's chat) or a bug. Kept, and tried again later.
            log.warn("Message {} could not be sent now: {}", message.id(), e.toString());
            return TelegramSender.Attempt.retry(0);
        }
        switch (attempt.delivery()) {
            case SENT -> outbox.markSent(message.id(), UpdateMapper.CHANNEL, attempt.ref());
            case UNREACHABLE, REFUSED -> outbox.markDone(message.id(), attempt.delivery().name());
            case RETRY -> {
            }
        }
        return attempt;
    }

    // ------------------------------------------------------------------ the drainer thread

    private void loop() {
        try {
            int freed = outbox.takeOverFromEarlierRuns();
            if (freed > 0) {
                log.info("{} messages held by this bot before it was restarted are sent now (any that had gone out go again)", freed);
            }
        } catch (RuntimeException e) {
            log.warn("Messages held before the restart wait for their leases to run out: {}", e.getMessage());
        }
        while (true) {
            synchronized (signal) {
                if (!woken && running) {
                    long untilResume = resumeAtNanos - System.nanoTime();
                    long wait = untilResume > 0 ? untilResume / 1_000_000L + 1 : pollMillis;
                    try {
                        signal.wait(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
                if (!running) {
                    return;
                }
            }
            if (System.nanoTime() < resumeAtNanos) {
                continue; // woken while backing off: the wait above goes on until the backoff is over
            }
            try {
                drain();
            } catch (RuntimeException e) {
                log.warn("Outbox could not be drained now: {}", e.getMessage());
                resumeAtNanos = System.nanoTime() + backoff * 1_000_000L;
                backoff = Math.min(backoff * 2, MAX_BACKOFF);
            }
        }
    }

    private boolean isRunningOrUnmanaged() {
        synchronized (signal) {
            return running || thread == null;
        }
    }

    @Override
    public void start() {
        synchronized (signal) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "outbox-drainer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Lets the message in hand finish (its send and its mark), so the database is not closed under it. */
    @Override
    public void stop() {
        Thread drainer;
        synchronized (signal) {
            running = false;
            signal.notifyAll();
            drainer = thread;
        }
        if (drainer != null) {
            try {
                drainer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (signal) {
            return running;
        }
    }
}
