package vn.communereport.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Sent" (or "done with") marks, written to the outbox a moment after each send, several to one commit: by the next
 * transaction that writes to the outbox anyway (a turn recording its messages, the drainer taking its next ones), or
 * by a thread of their own within a few milliseconds. A commit per message would cost a third of the bot's
 * throughput; the price is that a process killed in those milliseconds sends those messages again, as it would if
 * killed between the send and a mark of its own. Until written, this process knows the messages are done with
 * ({@link #unwritten}) and does not count them as waiting.
 */
final class DoneMarks {

    private static final Logger log = LoggerFactory.getLogger(DoneMarks.class);

    record Mark(long id, Instant at, String outcome, String channel, String ref) {
    }

    private final OutboxRows rows;
    private final TransactionTemplate transactions;
    /** How long the thread waits for more marks (or for a transaction to take them along) before it writes them. */
    private final long lingerMillis;
    private final Object lock = new Object();
    private final Set<Long> unwritten = ConcurrentHashMap.newKeySet();

    // guarded by lock
    private final ArrayDeque<Mark> queued = new ArrayDeque<>();
    private Thread writer;
    private boolean closed;

    DoneMarks(OutboxRows rows, TransactionTemplate transactions, java.time.Duration linger) {
        this.rows = rows;
        this.lingerMillis = linger.toMillis();
        this.transactions = transactions;
    }

    void add(Mark mark) {
        unwritten.add(mark.id());
        synchronized (lock) {
            queued.addLast(mark);
            if (writer == null && !closed) {
                writer = new Thread(this::run, "outbox-marks");
                writer.setDaemon(true);
                writer.start();
            }
            lock.notifyAll();
        }
    }

    /** Done with here, though not written yet. */
    boolean unwritten(long id) {
        return unwritten.contains(id);
    }

    /**
     * Writes the queued marks in the caller's transaction; they count as written once it commits, and are queued
     * again if it rolls back.
     */
    void writeQueued() {
        List<Mark> batch;
        synchronized (lock) {
            if (queued.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(queued);
            queued.clear();
        }
        try {
            rows.done(batch);
        } catch (RuntimeException e) {
            requeue(batch);
            throw e;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        batch.forEach(mark -> unwritten.remove(mark.id()));
                    } else {
                        requeue(batch);
                    }
                }
            });
        } else {
            batch.forEach(mark -> unwritten.remove(mark.id()));
        }
    }

    /** Writes everything queued now, in a transaction of its own, on the caller's thread. */
    void flush() {
        transactions.executeWithoutResult(status -> writeQueued());
    }

    /** Stops the thread and writes what is left (the application is stopping; the database is still there). */
    void close() {
        Thread thread;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            thread = writer;
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("{} messages sent but not marked sent: they may be sent again", unwritten.size(), e);
        }
    }

    private void requeue(List<Mark> batch) {
        synchronized (lock) {
            batch.forEach(queued::addFirst);
            lock.notifyAll();
        }
    }

    private void run() {
        long backoff = 100;
        while (true) {
            synchronized (lock) {
                while (queued.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return; // close() writes the rest
                }
            }
            pause(lingerMillis);
            try {
                flush();
                backoff = 100;
            } catch (RuntimeException e) {
                log.warn("Sent messages not marked yet, trying again in {} ms: {}", backoff, e.getMessage());
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
