package vn.communereport.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.messaging.Texts;

/**
 * Handles a batch synchronously, so the library asks Telegram for the next batch (and so confirms this one)
 * only after every update here is stored, with what it says to whom in the outbox; each update goes through the
 * {@link UpdateHandler} the webhook uses too, each thread's share with one commit for up to {@code updatesPerCommit}
 * updates (group commit). Nothing may escape: an exception thrown out of here would stop the
 * library's polling for good.
 */
class UpdateConsumer implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);

    private final UpdateHandler handler;

    UpdateConsumer(UpdateHandler handler) {
        this.handler = handler;
    }

    UpdateConsumer(ConversationEngine engine, TelegramSender sender, OutboxDrainer outbox, Texts texts, BooleanSupplier running,
                   TelegramSender.Sleeper sleeper) {
        this(new UpdateHandler(engine, sender, outbox, texts, running, sleeper));
    }

    /**
     * Handles different chats of a batch side by side (each chat's updates in order, on one thread); null
     * handles the batch on the polling thread alone.
     */
    private ExecutorService workers;
    private int threads = 1;
    /** At most this many updates of one handler thread share one transaction; 1: each update commits on its own. */
    private int updatesPerCommit = 1;

    UpdateConsumer withMenus(CommandMenus menus) {
        handler.withMenus(menus);
        return this;
    }

    UpdateConsumer withFiles(TelegramFiles files) {
        handler.withFiles(files);
        return this;
    }

    UpdateConsumer handledOn(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger number = new AtomicInteger();
            workers = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "update-handler-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return this;
    }

    UpdateConsumer committingUpTo(int updates) {
        updatesPerCommit = Math.max(1, updates);
        return this;
    }

    /** Batches being handled right now (0 or 1: the library hands over the next batch only after this one). */
    private int busy;

    @Override
    public void consume(List<Update> updates) {
        synchronized (this) {
            busy++;
        }
        try {
            handleBatch(updates);
        } finally {
            synchronized (this) {
                busy--;
                notifyAll();
            }
        }
    }

    /**
     * Called once polling has stopped: waits up to {@code limit} for the batch in hand, so that shutting down does
     * not close the database under it, then lets the handler threads go.
     */
    void finish(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (busy > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Stopping while an update is still being handled; Telegram will deliver it again");
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (workers != null) {
            workers.shutdown();
        }
    }

    private void handleBatch(List<Update> updates) {
        if (workers == null || workers.isShutdown() || updates.size() < 2) {
            handleLane(updates);
            return;
        }
        Map<Long, List<Update>> byChat = new LinkedHashMap<>();
        long unknown = 0;
        for (Update update : updates) {
            Long chat;
            try {
                chat = UpdateMapper.chatOf(update);
            } catch (RuntimeException unreadable) {
                chat = null; // handleSafely will meet the same problem and deal with it
            }
            // An update without a chat goes alone; negative keys are never real private chats' ids.
            byChat.computeIfAbsent(chat != null ? chat : Long.MIN_VALUE + unknown++, key -> new ArrayList<>()).add(update);
        }
        List<Future<?>> pending = new ArrayList<>();
        for (List<Update> lane : lanes(byChat.values())) {
            pending.add(workers.submit(() -> handleLane(lane)));
        }
        // Returning confirms the batch to Telegram: only once every update of it is stored and answered.
        boolean interrupted = false;
        for (Future<?> handled : pending) {
            while (true) {
                try {
                    handled.get();
                    break;
                } catch (InterruptedException stop) {
                    interrupted = true;
                } catch (ExecutionException cannotHappen) {
                    break; // handleSafely lets nothing escape
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The chats of a batch dealt out to as many lanes as there are handler threads, each chat whole and in order in
     * one lane; with one transaction per update, each chat is a lane of its own, as the pool takes them.
     */
    private List<List<Update>> lanes(Iterable<List<Update>> chats) {
        List<List<Update>> lanes = new ArrayList<>();
        if (updatesPerCommit == 1) {
            chats.forEach(lanes::add);
            return lanes;
        }
        for (int i = 0; i < threads; i++) {
            lanes.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Update> chat : chats) {
            lanes.get(next++ % threads).addAll(chat);
        }
        lanes.removeIf(List::isEmpty);
        return lanes;
    }

    /** One lane's updates in order: each on its own, or up to {@code updatesPerCommit} to a commit. */
    private void handleLane(List<Update> lane) {
        if (updatesPerCommit == 1) {
            lane.forEach(update -> handler.handleSafely(update, "polling"));
            return;
        }
        for (int from = 0; from < lane.size(); from += updatesPerCommit) {
            handler.handleTogether(lane.subList(from, Math.min(lane.size(), from + updatesPerCommit)), "polling");
        }
    }
}
