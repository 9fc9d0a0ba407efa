package vn.communereport.telegram;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps sending within Telegram's limits (about 30 messages a second in all, about one a second to a chat
 * after a short burst) so that Telegram never has to answer 429. Generic cell rate algorithm: each stream
 * has a theoretical arrival time; a message may go once it is no earlier than that time minus the burst
 * allowance. The limits are per process: several instances share Telegram's budget, so each is configured
 * with its share.
 */
class SendPacer {

    private final long globalIntervalNanos;
    private final long globalTolerance;
    private final long chatIntervalNanos;
    private final long chatTolerance;
    private final LongSupplier nanoTime;
    private long globalTat;
    private final Map<Long, Long> chatTat = new HashMap<>();
    private long lastCleanup;

    SendPacer(double messagesPerSecond, int globalBurst, double perChatPerSecond, int chatBurst, LongSupplier nanoTime) {
        this.globalIntervalNanos = (long) (1_000_000_000L / messagesPerSecond);
        this.globalTolerance = (globalBurst - 1) * globalIntervalNanos;
        this.chatIntervalNanos = (long) (1_000_000_000L / perChatPerSecond);
        this.chatTolerance = (chatBurst - 1) * chatIntervalNanos;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.globalTat = now;
        this.lastCleanup = now;
    }

    /** Reserves a slot for one message to {@code chatId}; returns how long to wait before sending it, in nanoseconds. */
    synchronized long reserve(long chatId) {
        long now = nanoTime.getAsLong();
        long chat = chatTat.getOrDefault(chatId, now);
        long start = Math.max(now, Math.max(globalTat - globalTolerance, chat - chatTolerance));
        globalTat = Math.max(globalTat, start) + globalIntervalNanos;
        chatTat.put(chatId, Math.max(chat, start) + chatIntervalNanos);
        if (now - lastCleanup > 60_000_000_000L) {
            forgetIdleChats(now);
        }
        return start - now;
    }

    private void forgetIdleChats(long now) {
        lastCleanup = now;
        for (Iterator<Map.Entry<Long, Long>> it = chatTat.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() < now) {
                it.remove();
            }
        }
    }
}
