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
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.conversation.Reply;
import vn.communereport.messaging.Texts;

/**
 * Handles a batch synchronously, so the library asks Telegram for the next batch (and so confirms this one)
 * only after every update here is stored, with what it says to whom in the outbox; each update's messages are
 * sent right after its commit. Nothing may escape: an exception thrown out of here would stop the library's
 * polling for good.
 */
class UpdateConsumer implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);
    private static final int RACE_RETRIES = 3;

    private final ConversationEngine engine;
    private final TelegramSender sender;
    private final OutboxDrainer outbox;
    private final Texts texts;
    private final BooleanSupplier running;
    private final TelegramSender.Sleeper sleeper;

    UpdateConsumer(ConversationEngine engine, TelegramSender sender, OutboxDrainer outbox, Texts texts, BooleanSupplier running,
                   TelegramSender.Sleeper sleeper) {
        this.engine = engine;
        this.sender = sender;
        this.outbox = outbox;
        this.texts = texts;
        this.running = running;
        this.sleeper = sleeper;
    }

    /**
     * Handles different chats of a batch side by side (each chat's updates in order, on one thread); null
     * handles the batch on the polling thread alone.
     */
    private ExecutorService workers;

    /** Told of every person who wrote, so an office administrator's chat gets the office's menu. */
    private CommandMenus menus;

    UpdateConsumer withMenus(CommandMenus menus) {
        this.menus = menus;
        return this;
    }

    /** Fetches the documents people send, so the core gets their bytes; without it a document reads as not fetched. */
    private TelegramFiles files;

    UpdateConsumer withFiles(TelegramFiles files) {
        this.files = files;
        return this;
    }

    UpdateConsumer handledOn(int threads) {
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
            updates.forEach(this::handleSafely);
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
        for (List<Update> chat : byChat.values()) {
            pending.add(workers.submit(() -> chat.forEach(this::handleSafely)));
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

    private void handleSafely(Update update) {
        try {
            handle(update);
        } catch (Throwable unexpected) {
            log.error("Update {} could not be handled", update.getUpdateId(), unexpected);
            apologise(update);
        }
    }

    /**
     * The apology is sent directly, once, not through the outbox: the update it answers changed nothing (its
     * transaction rolled back), so there is no change for it to be durable with; if it is lost too, the person has
     * no answer and writes again, as after any message that went unanswered.
     */
    private void apologise(Update update) {
        try {
            Inbound inbound = UpdateMapper.toInbound(update);
            if (inbound != null && inbound.privateChat()) {
                sender.sendOnce(Outbound.plain(Recipient.address(inbound.channel(), inbound.from().address()), texts.get("error.internal")));
            }
        } catch (Throwable ignored) {
            // Nothing more can be done for this update; polling must go on.
        }
    }

    private void handle(Update update) {
        Inbound inbound = UpdateMapper.toInbound(update);
        if (inbound == null) {
            return;
        }
        if (inbound.kind() == Inbound.Kind.FILE && inbound.privateChat() && files != null) {
            inbound = inbound.withFile(files.fetch(update.getMessage().getDocument()));
        }
        Reply reply = handleDurably(inbound);
        if (update.hasCallbackQuery()) {
            // Direct, not durable: it only stops the button's spinner (see TelegramSender.answerButton).
            sender.answerButton(update.getCallbackQuery().getId(), reply == null ? null : reply.buttonNotice());
        }
        if (reply == null) {
            sender.sendOnce(Outbound.plain(Recipient.address(inbound.channel(), inbound.from().address()), texts.get("error.internal")));
            return;
        }
        // Committed, and in the outbox: sent now, in order, each marked sent as Telegram takes it. What cannot go now
        // (Telegram down, or an earlier message to the same person still waiting) the outbox keeps for the drainer.
        outbox.sendNow(reply.queued(), reply.actor() == null ? null
                : new TelegramSender.KnownChat(reply.actor(), Long.parseLong(inbound.from().address())));
        if (menus != null && inbound.privateChat()) {
            menus.seen(inbound.from());
        }
    }

    /**
     * Retries races at once, waits out a database that is down (the update stays unconfirmed meanwhile),
     * and gives up only on a real bug, telling the person.
     */
    private Reply handleDurably(Inbound inbound) {
        int races = 0;
        long backoff = 500;
        while (true) {
            try {
                return engine.handle(inbound);
            } catch (DataIntegrityViolationException | ConcurrencyFailureException race) {
                if (++races > RACE_RETRIES) {
                    log.error("Update {} kept racing with other changes", inbound.deliveryId(), race);
                    return null;
                }
            } catch (TransientDataAccessException | CannotCreateTransactionException databaseDown) {
                if (!running.getAsBoolean()) {
                    throw databaseDown;
                }
                log.warn("Database unavailable, retrying update {} in {} ms: {}", inbound.deliveryId(), backoff, databaseDown.getMessage());
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw databaseDown;
                }
                backoff = Math.min(backoff * 2, 30_000);
            } catch (RuntimeException bug) {
                log.error("Update {} failed", inbound.deliveryId(), bug);
                return null;
            }
        }
    }
}
