package vn.communereport.testsupport.botapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's published sending limits, made concrete (Telegram does not publish its exact algorithm):
 * <ul>
 *   <li>private chat: "avoid more than one message per second" - a token bucket of {@value #PRIVATE_BURST} messages
 *       refilled at 1 per second, so a short burst (reply + follow-up + keyboard) passes but a sustained &gt; 1/s does not;</li>
 *   <li>group chat (negative chat id): at most {@value #GROUP_PER_MINUTE} messages in any 60 s;</li>
 *   <li>whole bot: at most {@value #GLOBAL_PER_SECOND} messages in any 1 s.</li>
 * </ul>
 * Only new messages count (sendMessage, sendDocument); edits, callbacks and chat actions do not.
 * Not thread-safe: FakeBotApi calls it under its lock.
 */
final class RateLimiter {
    static final int PRIVATE_BURST = 3;
    static final int GROUP_PER_MINUTE = 20;
    static final int GLOBAL_PER_SECOND = 30;
    private static final long SECOND = 1_000_000_000L;

    private final Map<Long, double[]> privateBuckets = new HashMap<>(); // {tokens, lastRefillNanos}
    private final Map<Long, Deque<Long>> groupWindows = new HashMap<>();
    private final Deque<Long> globalWindow = new ArrayDeque<>();

    /** Reserves a slot for a message to chatId at nowNanos, or throws 429 with the seconds to wait. */
    void acquire(long chatId, long nowNanos) throws ApiError {
        prune(globalWindow, nowNanos - SECOND);
        if (globalWindow.size() >= GLOBAL_PER_SECOND) {
            throw ApiError.tooManyRequests(secondsUntil(globalWindow.peekFirst() + SECOND, nowNanos));
        }
        if (chatId < 0) {
            Deque<Long> window = groupWindows.computeIfAbsent(chatId, id -> new ArrayDeque<>());
            prune(window, nowNanos - 60 * SECOND);
            if (window.size() >= GROUP_PER_MINUTE) {
                throw ApiError.tooManyRequests(secondsUntil(window.peekFirst() + 60 * SECOND, nowNanos));
            }
            window.addLast(nowNanos);
        } else {
            double[] bucket = privateBuckets.computeIfAbsent(chatId, id -> new double[]{PRIVATE_BURST, nowNanos});
            bucket[0] = Math.min(PRIVATE_BURST, bucket[0] + (nowNanos - bucket[1]) / (double) SECOND);
            bucket[1] = nowNanos;
            if (bucket[0] < 1) {
                throw ApiError.tooManyRequests(Math.max(1, (int) Math.ceil(1 - bucket[0])));
            }
            bucket[0] -= 1;
        }
        globalWindow.addLast(nowNanos);
    }

    private static void prune(Deque<Long> window, long olderThan) {
        while (!window.isEmpty() && window.peekFirst() <= olderThan) {
            window.removeFirst();
        }
    }

    private static int secondsUntil(long whenNanos, long nowNanos) {
        return Math.max(1, (int) Math.ceil((whenNanos - nowNanos) / (double) SECOND));
    }
}
