package vn.communereport.telegram;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Handles the updates recorded by any instance's webhook endpoint, on {@code threads} threads of this instance, each
 * through the same {@link UpdateHandler} as long polling. A dispatcher takes what may go now (a chat's oldest unhandled
 * update only, see {@link RecordedUpdates#take}) whenever this instance records an update or finishes one, and every
 * poll interval for what other instances left (their leases ran out, or the chat's earlier update was theirs).
 */
class WebhookWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorkers.class);
    private static final long MAX_BACKOFF = 15_000;

    private final RecordedUpdates updates;
    private final UpdateHandler handler;
    private final ObjectMapper json;
    private final int threads;
    private final long pollMillis;
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();

    // guarded by signal
    private boolean woken;
    private boolean running;
    private Thread dispatcher;
    private ExecutorService pool;

    WebhookWorkers(RecordedUpdates updates, UpdateHandler handler, ObjectMapper json, int threads, long pollMillis) {
        this.updates = updates;
        this.handler = handler;
        this.json = json;
        this.threads = Math.max(1, threads);
        this.pollMillis = Math.max(1, pollMillis);
    }

    /** Looks for updates now instead of at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void dispatch() {
        try {
            int freed = updates.takeOverFromEarlierRuns();
            if (freed > 0) {
                log.info("{} updates held by this instance before it was restarted are handled now", freed);
            }
        } catch (RuntimeException e) {
            log.warn("Updates held before the restart wait for their leases to run out: {}", e.getMessage());
        }
        long backoff = 0;
        while (true) {
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(backoff > 0 ? backoff : pollMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
                if (!running) {
                    return;
                }
            }
            try {
                int free = threads - inHand.size();
                List<RecordedUpdates.Taken> taken = free <= 0 ? List.of() : updates.take(free, Set.copyOf(inHand));
                for (RecordedUpdates.Taken update : taken) {
                    inHand.add(update.updateId());
                    pool.execute(() -> handle(update));
                }
                backoff = 0;
            } catch (RuntimeException e) {
                backoff = Math.min(Math.max(500, backoff * 2), MAX_BACKOFF);
                log.warn("Recorded updates cannot be taken now ({}); looking again in {} ms", e.getMessage(), backoff);
            }
        }
    }

    private void handle(RecordedUpdates.Taken taken) {
        try {
            String outcome;
            Update update = read(taken);
            if (update == null) {
                outcome = "UNREADABLE";
            } else {
                UpdateHandler.Outcome handled = handler.handleSafely(update, "webhook");
                if (handled == UpdateHandler.Outcome.INTERRUPTED) {
                    updates.release(taken.updateId());
                    return;
                }
                outcome = handled.name();
            }
            markHandled(taken.updateId(), outcome);
        } catch (RuntimeException e) {
            // The database went away between handling and marking: the lease runs out and it is handled again, once.
            log.warn("Update {} handled but not marked ({}); it is taken again when its lease runs out", taken.updateId(), e.getMessage());
        } finally {
            inHand.remove(taken.updateId());
            wake(); // the chat's next update may go now
        }
    }

    private Update read(RecordedUpdates.Taken taken) {
        try {
            return json.readValue(taken.body(), Update.class);
        } catch (IOException | RuntimeException e) {
            log.error("Update {} as recorded cannot be read as a Telegram update: {}", taken.updateId(), e.getMessage());
            return null;
        }
    }

    private void markHandled(long updateId, String outcome) {
        long backoff = 200;
        while (true) {
            try {
                updates.handled(updateId, outcome);
                return;
            } catch (RuntimeException e) {
                if (!isRunning()) {
                    throw e;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void start() {
        synchronized (signal) {
            if (running) {
                return;
            }
            running = true;
            AtomicInteger number = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "webhook-worker-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
            dispatcher.setDaemon(true);
            dispatcher.start();
            woken = true; // what is waiting from before the start goes at once
        }
    }

    /** Lets the updates in hand finish (the database is still there), so none waits for its lease after a clean stop. */
    @Override
    public void stop() {
        ExecutorService workers;
        Thread thread;
        synchronized (signal) {
            running = false;
            signal.notifyAll();
            workers = pool;
            thread = dispatcher;
        }
        try {
            if (thread != null) {
                thread.join(5_000);
            }
            if (workers != null) {
                workers.shutdown();
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("Stopping while {} updates are still being handled; another instance takes them when their leases run out",
                            inHand.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (signal) {
            return running;
        }
    }
}
