package vn.communereport.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.telegram.telegrambots.meta.api.objects.Update;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.conversation.Reply;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * One update, whichever way it came (long polling or the webhook): read as an {@link Inbound}, stored with what it
 * says by the conversation in one transaction, and what it says sent right after the commit. Nothing escapes: the
 * caller learns only whether the update is done with or must be handled again.
 */
class UpdateHandler {

    /** What became of an update. */
    enum Outcome {
        /** Stored and answered (or of no use to the bot). */
        HANDLED,
        /** A bug or a race that would not end: the person was told, nothing was stored; it is not tried again. */
        FAILED,
        /** The application stopped while the database was down: nothing was stored, and it must be handled again. */
        INTERRUPTED
    }

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final int RACE_RETRIES = 3;

    private final ConversationEngine engine;
    private final TelegramSender sender;
    private final OutboxDrainer outbox;
    private final Texts texts;
    private final BooleanSupplier running;
    private final TelegramSender.Sleeper sleeper;
    private CommandMenus menus;
    private TelegramFiles files;
    private MeterRegistry meters;

    UpdateHandler(ConversationEngine engine, TelegramSender sender, OutboxDrainer outbox, Texts texts, BooleanSupplier running,
                  TelegramSender.Sleeper sleeper) {
        this.engine = engine;
        this.sender = sender;
        this.outbox = outbox;
        this.texts = texts;
        this.running = running;
        this.sleeper = sleeper;
    }

    /** Told of every person who wrote, so an office administrator's chat gets the office's menu. */
    UpdateHandler withMenus(CommandMenus menus) {
        this.menus = menus;
        return this;
    }

    /** Fetches the documents people send, so the core gets their bytes; without it a document reads as not fetched. */
    UpdateHandler withFiles(TelegramFiles files) {
        this.files = files;
        return this;
    }

    /** Counts handled and failed updates, tagged by the way they came ({@code mode}: polling or webhook). */
    UpdateHandler countedIn(MeterRegistry meters) {
        this.meters = meters;
        return this;
    }

    /** Handles one update that came by {@code mode} ("polling", "webhook"). */
    Outcome handleSafely(Update update, String mode) {
        Outcome outcome;
        try {
            outcome = handle(update) ? Outcome.HANDLED : Outcome.FAILED;
        } catch (TransientDataAccessException | CannotCreateTransactionException stopped) {
            // handleDurably gives up on a database that is down only when the application stops
            log.warn("Update {} left for later: the application stops while the database is down", update.getUpdateId());
            outcome = Outcome.INTERRUPTED;
        } catch (Throwable unexpected) {
            log.error("Update {} could not be handled", update.getUpdateId(), unexpected);
            apologise(update);
            outcome = Outcome.FAILED;
        }
        count(outcome, mode);
        return outcome;
    }

    /**
     * Handles a chat-ordered run of updates with one commit for all of them (group commit), then sends what each
     * says, in order. An update that brings a file, or cannot be read, is handled on its own where it stands. If the
     * shared transaction fails, nothing of it was stored and every update of the run is handled again on its own, so
     * one person's failure costs the others only time. Nothing is sent before the commit that stores it.
     */
    void handleTogether(List<Update> updates, String mode) {
        List<Update> run = new ArrayList<>();
        List<Inbound> steps = new ArrayList<>();
        for (Update update : updates) {
            Inbound inbound;
            try {
                inbound = UpdateMapper.toInbound(update);
            } catch (RuntimeException unreadable) {
                inbound = null;
            }
            if (inbound == null || inbound.kind() == Inbound.Kind.FILE) {
                commitTogether(run, steps, mode);
                handleSafely(update, mode);
            } else {
                run.add(update);
                steps.add(inbound);
            }
        }
        commitTogether(run, steps, mode);
    }

    private void commitTogether(List<Update> run, List<Inbound> steps, String mode) {
        if (run.size() == 1) {
            handleSafely(run.get(0), mode);
        } else if (!run.isEmpty()) {
            List<Reply> replies = null;
            try {
                replies = engine.handleTogether(steps);
            } catch (RuntimeException failed) {
                log.debug("A run of {} updates is handled again one by one: {}", run.size(), failed.toString());
            }
            for (int i = 0; i < run.size(); i++) {
                if (replies == null) {
                    handleSafely(run.get(i), mode);
                } else {
                    deliveredSafely(run.get(i), steps.get(i), replies.get(i), mode);
                }
            }
        }
        run.clear();
        steps.clear();
    }

    private void deliveredSafely(Update update, Inbound inbound, Reply reply, String mode) {
        try {
            delivered(update, inbound, reply);
        } catch (Throwable unexpected) {
            // stored already: what could not be sent now stays in the outbox for the drainer
            log.error("Update {} was stored but its reply could not be sent now", update.getUpdateId(), unexpected);
        }
        count(Outcome.HANDLED, mode);
    }

    private void count(Outcome outcome, String mode) {
        if (meters == null || outcome == Outcome.INTERRUPTED) {
            return;
        }
        String name = outcome == Outcome.HANDLED ? "telegram.updates.handled" : "telegram.updates.failed";
        Counter.builder(name).tag("mode", mode).register(meters).increment();
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
            // Nothing more can be done for this update; receiving must go on.
        }
    }

    /** True when handled; false when the engine gave up on it (the person is told). */
    private boolean handle(Update update) {
        Inbound inbound = UpdateMapper.toInbound(update);
        if (inbound == null) {
            return true;
        }
        if (inbound.kind() == Inbound.Kind.FILE && inbound.privateChat() && files != null) {
            inbound = inbound.withFile(files.fetch(update.getMessage().getDocument()));
        }
        Reply reply = handleDurably(inbound);
        if (reply == null) {
            if (update.hasCallbackQuery()) {
                sender.answerButton(update.getCallbackQuery().getId(), null);
            }
            sender.sendOnce(Outbound.plain(Recipient.address(inbound.channel(), inbound.from().address()), texts.get("error.internal")));
            return false;
        }
        delivered(update, inbound, reply);
        return true;
    }

    /** After the commit that stored {@code reply}: the button's spinner stopped, then what the turn says sent. */
    private void delivered(Update update, Inbound inbound, Reply reply) {
        if (update.hasCallbackQuery()) {
            // Direct, not durable: it only stops the button's spinner (see TelegramSender.answerButton).
            sender.answerButton(update.getCallbackQuery().getId(), reply.buttonNotice());
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
