package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Telegram Bot API (https://api.telegram.org), spoken to over real HTTP by the real bot
 * (TelegramBots long polling + OkHttpTelegramClient). It answers with the real JSON shapes and refuses what Telegram
 * refuses, with Telegram's descriptions (taken from the Bot API server and TDLib sources), so a bot that passes here
 * does not fail on Telegram for a reason a test could have seen.
 * <p>
 * Serves {@code POST|GET {baseUrl}/bot{token}/{method}}; method names are case-insensitive; parameters may come as JSON,
 * form-urlencoded, multipart/form-data or query string. Not tied to JUnit: usable from a plain main for benchmarks.
 * <p>
 * Implemented methods: getMe, deleteWebhook, getWebhookInfo, getUpdates, sendMessage, editMessageText,
 * editMessageReplyMarkup, deleteMessage, answerCallbackQuery, setMyCommands, getMyCommands, deleteMyCommands,
 * sendDocument, sendChatAction. Anything else: 404 Not Found (and recorded in {@link #calls()}).
 */
public final class FakeBotApi implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // every call would stall ~40 ms, which Telegram does not do. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    public static final long BOT_ID = 777000111L;
    public static final String BOT_FIRST_NAME = "Báo cáo xã";
    public static final String BOT_USERNAME = "baocao_xa_bot";
    /** Telegram does not publish how long a callback query can be answered; bots report failures after 10-20 s. */
    public static final Duration DEFAULT_CALLBACK_QUERY_TIMEOUT = Duration.ofSeconds(15);

    static final int MAX_TEXT_LENGTH = 4096;
    static final int MAX_CAPTION_LENGTH = 1024;
    static final int MAX_CALLBACK_ANSWER_LENGTH = 200;
    static final int LONG_POLL_MAX_TIMEOUT = 50;
    static final String CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    private static final long SECOND = 1_000_000_000L;
    private static final Set<String> NOT_DELIVERED_BY_DEFAULT = Set.of("chat_member", "message_reaction", "message_reaction_count");
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
            "upload_video_note");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]+");
    private static final String BAD_GATEWAY_HTML = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /** How the stand-in behaves while {@link #setUnavailable(boolean) unavailable}. */
    public enum Mode {
        /** Every request gets 502 Bad Gateway with an nginx HTML page, as when Telegram's back end is down. */
        HTTP_502,
        /** Every connection is closed without any response. */
        DROP_CONNECTION
    }

    /** A prepared HTTP answer. */
    private record Reply(int status, byte[] body, String contentType, Integer retryAfter, String description) {
        static final Reply DROP = new Reply(-1, new byte[0], null, null, "connection dropped");
    }

    private static final class LongPoll {
        boolean aborted;
    }

    private record CallbackQuery(ChatState chat, int messageId, String data, long createdNanos) {
    }

    /**
     * Told of every message or edit the bot makes, in any chat, as it is recorded (under the stand-in's lock: keep it
     * short and hand work to another thread). For load generators that drive many users without a waiting thread each.
     */
    @FunctionalInterface
    public interface BotMessageListener {
        void botMessage(SentMessage message);
    }

    final Object lock = new Object();
    final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Random random = new Random();

    // ---- state, guarded by lock
    private final Map<Long, ChatState> chats = new LinkedHashMap<>();
    private final Map<Long, FakeUser> users = new LinkedHashMap<>();
    private final TreeMap<Integer, Map<String, Object>> pendingUpdates = new TreeMap<>();
    private int nextUpdateId;
    private int nextMessageId = 1;
    private long highestConfirmedOffset;
    private Instant firstGetUpdatesAt;
    private Set<String> allowedUpdates; // null = Telegram's default set
    private LongPoll currentLongPoll;
    private long previousGetUpdatesOffset = Long.MIN_VALUE;
    private long previousGetUpdatesStartNanos;
    private long nextConflictNanos = Long.MIN_VALUE;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<String, Deque<ApiError>> injectedFailures = new HashMap<>();
    private boolean unavailable;
    private Mode unavailableMode = Mode.HTTP_502;
    private long unavailableUntilNanos; // 0 = until setUnavailable(false)
    private final Map<String, Duration> outageOnNext = new HashMap<>();
    private final Map<Integer, Map<String, Object>> createdUpdates = new HashMap<>();
    private boolean rateLimitsEnforced;
    private final RateLimiter rateLimiter = new RateLimiter();
    private int tooManyRequests;
    private Duration callbackQueryTimeout = DEFAULT_CALLBACK_QUERY_TIMEOUT;
    private final Map<String, CallbackQuery> callbackQueries = new HashMap<>();
    private final Set<String> answeredCallbackQueries = new LinkedHashSet<>();
    private final Map<String, List<Map<String, String>>> commands = new HashMap<>();
    private final Map<String, SentDocument> filesById = new HashMap<>();
    private boolean closed;
    private int activeExchanges;
    /** update_id -> System.nanoTime() when getUpdates first handed the update to the bot. */
    private final Map<Integer, Long> servedNanos = new HashMap<>();
    private final List<BotMessageListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeBotApi(String token) throws IOException {
        this.token = Objects.requireNonNull(token, "token");
        this.nextUpdateId = 100_000 + random.nextInt(900_000);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        // long polls hold a thread each, so the pool must grow rather than queue
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-bot-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stand-in on 127.0.0.1 and a free port, accepting only this bot token. */
    public static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake Bot API", e);
        }
    }

    /** "http://127.0.0.1:PORT" - what the bot uses instead of https://api.telegram.org. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll(); // releases held long polls and awaiting tests
            // let the released long polls answer before connections are cut (at most 1 s)
            long deadline = System.nanoTime() + SECOND;
            while (activeExchanges > 0 && System.nanoTime() < deadline) {
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ================================================================ users and chats

    /** The user with this id (private chat id = user id), created on first call. Has not opened the chat yet. */
    public FakeUser user(long id, String firstName) {
        if (id <= 0) {
            throw new IllegalArgumentException("user ids are positive: " + id);
        }
        synchronized (lock) {
            FakeUser existing = users.get(id);
            if (existing != null) {
                return existing;
            }
            if (chats.containsKey(id)) {
                throw new IllegalArgumentException("chat " + id + " is not a private chat");
            }
            ChatState chat = new ChatState(id, FakeUser.privateChatJson(id, firstName, null, null), newChatInstance());
            chats.put(id, chat);
            FakeUser user = new FakeUser(this, chat, id, firstName);
            users.put(id, user);
            return user;
        }
    }

    /** Current bot messages in any chat (e.g. a group chat made known through {@link FakeUser#sendsUpdate}). */
    public List<SentMessage> messagesIn(long chatId) {
        synchronized (lock) {
            ChatState chat = chats.get(chatId);
            return chat == null ? List.of() : chat.currentMessages();
        }
    }

    // ================================================================ observing the bot

    public List<RecordedCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<RecordedCall> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
        }
    }

    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
        }
    }

    /** When the bot first called getUpdates, or null. */
    public Instant firstGetUpdatesAt() {
        synchronized (lock) {
            return firstGetUpdatesAt;
        }
    }

    /** Highest offset the bot passed to getUpdates: every update with a lower update_id is confirmed (forgotten). */
    public long highestConfirmedOffset() {
        synchronized (lock) {
            return highestConfirmedOffset;
        }
    }

    /** Updates not yet confirmed by the bot (delivered or not), like getWebhookInfo's pending_update_count. */
    public int pendingUpdateCount() {
        synchronized (lock) {
            return pendingUpdates.size();
        }
    }

    /** Waits until the bot has called getUpdates at least once. */
    public Instant awaitPolling(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (firstGetUpdatesAt == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("The bot did not call getUpdates within " + timeout + "; calls: " + calls);
                }
                waitOnLock(remaining);
            }
            return firstGetUpdatesAt;
        }
    }

    /** Waits until a getUpdates call is being held open (long polling with nothing to deliver). */
    public void awaitLongPollHeld(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (currentLongPoll == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("No getUpdates long poll held within " + timeout);
                }
                waitOnLock(remaining);
            }
        }
    }

    /** Waits until the bot confirmed this update (asked for a higher offset): it has been handed to the bot's consumer. */
    public void awaitConfirmed(long updateId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (highestConfirmedOffset <= updateId) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("Update " + updateId + " not confirmed within " + timeout
                            + "; highest confirmed offset " + highestConfirmedOffset);
                }
                waitOnLock(remaining);
            }
        }
    }

    /** Commands set with setMyCommands for the default scope and no language: command -> description, in order. */
    public Map<String, String> myCommands() {
        return myCommands("default", "");
    }

    /** Commands for a scope type ("default", "all_private_chats", ...; chat scopes as "chat:ID") and language code. */
    public Map<String, String> myCommands(String scopeKey, String languageCode) {
        synchronized (lock) {
            Map<String, String> result = new LinkedHashMap<>();
            commands.getOrDefault(scopeKey + "|" + languageCode, List.of())
                    .forEach(c -> result.put(c.get("command"), c.get("description")));
            return result;
        }
    }

    /**
     * {@link System#nanoTime()} when getUpdates first handed this update to the bot (the response was being written),
     * or -1 while it has not been handed out. With {@link SentMessage#arrivedNanos()} this gives the bot's latency.
     */
    public long servedNanos(long updateId) {
        synchronized (lock) {
            Long served = servedNanos.get((int) updateId);
            return served == null ? -1 : served;
        }
    }

    /** Registers a listener told of every bot message and edit from now on; see {@link BotMessageListener}. */
    public void addBotMessageListener(BotMessageListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeBotMessageListener(BotMessageListener listener) {
        listeners.remove(listener);
    }

    public int tooManyRequestsCount() {
        synchronized (lock) {
            return tooManyRequests;
        }
    }

    // ================================================================ failure injection

    /**
     * The next call of this method (case-insensitive) fails with this status and description, before any processing.
     * Queued: several calls queue several failures. A retryAfter adds parameters.retry_after and a Retry-After header.
     */
    public void failNext(String method, int status, String description, Integer retryAfter) {
        synchronized (lock) {
            injectedFailures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
                    .addLast(new ApiError(status, description, retryAfter));
        }
    }

    public void failNext(String method, int status, String description) {
        failNext(method, status, description, null);
    }

    /** While true every request fails as chosen by {@link #setUnavailableMode}; held long polls are cut too. */
    public void setUnavailable(boolean unavailable) {
        synchronized (lock) {
            this.unavailable = unavailable;
            this.unavailableUntilNanos = 0;
            lock.notifyAll();
        }
    }

    /**
     * The next call of this method (case-insensitive) finds the stand-in unavailable, as do all calls for the given
     * time after it: Telegram going down just as the bot sends something. Ends by itself, or with setUnavailable(false).
     */
    public void goDownOnNext(String method, Duration outage) {
        synchronized (lock) {
            outageOnNext.put(method.toLowerCase(Locale.ROOT), outage);
        }
    }

    /**
     * Delivers an update again, with its update_id, as Telegram does when the bot did not confirm it (a process that
     * handled it and died before its next getUpdates). It is handed out to a getUpdates whose offset does not skip it:
     * a new session, which starts from the oldest pending update; the running session's next offset confirms it away.
     */
    public void redeliver(long updateId) {
        synchronized (lock) {
            Map<String, Object> body = createdUpdates.get((int) updateId);
            if (body == null) {
                throw new IllegalArgumentException("No update " + updateId + " was ever created");
            }
            pendingUpdates.put((int) updateId, body);
            lock.notifyAll();
        }
    }

    public void setUnavailableMode(Mode mode) {
        synchronized (lock) {
            this.unavailableMode = Objects.requireNonNull(mode);
        }
    }

    /** Turns on Telegram's sending limits as described in {@link RateLimiter}: excess messages get 429 retry_after. */
    public void enforceRateLimits(boolean enforce) {
        synchronized (lock) {
            this.rateLimitsEnforced = enforce;
        }
    }

    /** How long after a button press answerCallbackQuery is still accepted (default 15 s). */
    public void setCallbackQueryTimeout(Duration timeout) {
        synchronized (lock) {
            this.callbackQueryTimeout = timeout;
        }
    }

    // ================================================================ HTTP

    private void handle(HttpExchange exchange) {
        Instant receivedAt = Instant.now();
        synchronized (lock) {
            activeExchanges++;
        }
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            ApiRequest request = ApiRequest.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, json);
            String method = methodName(path, request);
            Reply reply = process(path, method, request, receivedAt);
            record(method, request, reply, receivedAt);
            if (reply == Reply.DROP) {
                return; // closing the exchange before any response header closes the connection
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter().toString());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            // the client went away (e.g. its long poll was cancelled): nothing to answer
        } catch (RuntimeException e) {
            boolean shuttingDown;
            synchronized (lock) {
                shuttingDown = closed;
            }
            if (!shuttingDown) {
                // a bug in the stand-in: make it loud, in the response and on stderr
                e.printStackTrace();
                try {
                    byte[] error = ("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error: "
                            + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(500, error.length);
                    exchange.getResponseBody().write(error);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        } finally {
            exchange.close();
            synchronized (lock) {
                activeExchanges--;
                lock.notifyAll();
            }
        }
    }

    private static String methodName(String path, ApiRequest request) {
        if (!path.startsWith("/bot")) {
            return "";
        }
        int slash = path.indexOf('/', 4);
        String method = slash < 0 ? "" : path.substring(slash + 1);
        if (method.startsWith("test/")) {
            method = method.substring("test/".length());
        }
        return method.isEmpty() ? request.arg("method") : method;
    }

    private Reply process(String path, String method, ApiRequest request, Instant receivedAt) {
        synchronized (lock) {
            Duration outage = outageOnNext.remove(method.toLowerCase(Locale.ROOT));
            if (outage != null) {
                unavailable = true;
                unavailableUntilNanos = Math.max(1, System.nanoTime() + outage.toNanos());
                lock.notifyAll();
            } else if (unavailable && unavailableUntilNanos != 0 && System.nanoTime() - unavailableUntilNanos >= 0) {
                unavailable = false;
                unavailableUntilNanos = 0;
            }
            if (unavailable) {
                return unavailableReply();
            }
        }
        if (!path.startsWith("/bot")) {
            return error(new ApiError(404, "Not Found"));
        }
        int slash = path.indexOf('/', 4);
        String givenToken = slash < 0 ? path.substring(4) : path.substring(4, slash);
        if (!givenToken.equals(token)) {
            return error(new ApiError(401, "Unauthorized"));
        }
        String normalized = method.toLowerCase(Locale.ROOT);
        try {
            synchronized (lock) {
                Deque<ApiError> injected = injectedFailures.get(normalized);
                if (injected != null && !injected.isEmpty()) {
                    throw injected.removeFirst();
                }
            }
            Object result = dispatch(normalized, method, request, receivedAt);
            if (result instanceof Reply reply) {
                return reply;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", true);
            answer.put("result", result);
            return new Reply(200, json.writeValueAsBytes(answer), "application/json", null, null);
        } catch (ApiError e) {
            if (e.code == 429) {
                synchronized (lock) {
                    tooManyRequests++;
                }
            }
            return error(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object dispatch(String method, String asSent, ApiRequest r, Instant now) throws ApiError {
        return switch (method) {
            case "getme" -> botUserJsonFull();
            case "deletewebhook" -> deleteWebhook(r);
            case "getwebhookinfo" -> webhookInfo();
            case "getupdates" -> getUpdates(r, now);
            case "sendmessage" -> sendMessage(asSent, r, now);
            case "editmessagetext" -> editMessageText(asSent, r, now);
            case "editmessagereplymarkup" -> editMessageReplyMarkup(asSent, r, now);
            case "deletemessage" -> deleteMessage(r);
            case "answercallbackquery" -> answerCallbackQuery(r, now);
            case "setmycommands" -> setMyCommands(r);
            case "getmycommands" -> getMyCommands(r);
            case "deletemycommands" -> deleteMyCommands(r);
            case "senddocument" -> sendDocument(asSent, r, now);
            case "sendchataction" -> sendChatAction(r);
            default -> throw new ApiError(404, "Not Found");
        };
    }

    private Reply error(ApiError e) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", false);
        answer.put("error_code", e.code);
        answer.put("description", e.getMessage());
        if (e.retryAfter != null) {
            answer.put("parameters", Map.of("retry_after", e.retryAfter));
        }
        try {
            return new Reply(e.code, json.writeValueAsBytes(answer), "application/json", e.retryAfter, e.getMessage());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Reply unavailableReply() {
        return unavailableMode == Mode.DROP_CONNECTION ? Reply.DROP
                : new Reply(502, BAD_GATEWAY_HTML.getBytes(StandardCharsets.UTF_8), "text/html", null, "Bad Gateway");
    }

    private void record(String method, ApiRequest request, Reply reply, Instant receivedAt) {
        synchronized (lock) {
            calls.add(new RecordedCall(method, request.describe(), reply.status(),
                    reply.status() == 200 ? null : reply.description(), receivedAt, Instant.now()));
        }
    }

    // ================================================================ getUpdates (long polling)

    private Object getUpdates(ApiRequest r, Instant receivedAt) throws ApiError {
        int offset = r.intArg("offset", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int limit = r.intArg("limit", 100, 1, 100);
        int timeout = r.intArg("timeout", 0, 0, LONG_POLL_MAX_TIMEOUT);
        long conflictDelayNanos;
        synchronized (lock) {
            if (firstGetUpdatesAt == null) {
                firstGetUpdatesAt = receivedAt;
                lock.notifyAll();
            }
            updateAllowedUpdates(r.arg("allowed_updates"));
            long now = System.nanoTime();
            // like Telegram: a client re-polling the same offset in a tight loop is slowed down
            if (offset == previousGetUpdatesOffset && timeout < 3 && now < previousGetUpdatesStartNanos + 3 * SECOND) {
                timeout = 3;
            }
            if (offset == previousGetUpdatesOffset && now < previousGetUpdatesStartNanos + SECOND / 2) {
                limit = 1;
            }
            previousGetUpdatesOffset = offset;
            previousGetUpdatesStartNanos = now;

            confirm(offset);
            List<Map<String, Object>> ready = collect(limit);
            if (!ready.isEmpty() || timeout == 0) {
                return ready;
            }
            // Telegram keeps one long poll per bot: a new one terminates the one in flight with 409
            if (currentLongPoll != null) {
                currentLongPoll.aborted = true;
            }
            LongPoll me = new LongPoll();
            currentLongPoll = me;
            lock.notifyAll();
            long deadline = now + timeout * SECOND;
            while (true) {
                if (closed) {
                    releaseLongPoll(me);
                    return List.of(); // a bot stopped before the stand-in then ends its last poll quietly
                }
                if (unavailable) {
                    releaseLongPoll(me);
                    return unavailableReply();
                }
                if (me.aborted) {
                    break;
                }
                if (!pendingUpdates.isEmpty()) {
                    waitOnLock(2_000_000); // Telegram waits ~1-2 ms after a wake-up to batch updates
                    ready = collect(limit);
                    if (!ready.isEmpty() && !me.aborted) {
                        releaseLongPoll(me);
                        return ready;
                    }
                    continue;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    releaseLongPoll(me);
                    return List.of();
                }
                waitOnLock(remaining);
            }
            // Telegram answers at most one conflict per 3 s; later ones are delayed by 3 s
            now = System.nanoTime();
            if (now >= nextConflictNanos) {
                nextConflictNanos = now + 3 * SECOND;
                conflictDelayNanos = 0;
            } else {
                conflictDelayNanos = 3 * SECOND;
            }
        }
        if (conflictDelayNanos > 0) {
            try {
                Thread.sleep(conflictDelayNanos / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reply.DROP;
            }
        }
        throw new ApiError(409, CONFLICT);
    }

    private void releaseLongPoll(LongPoll poll) {
        if (currentLongPoll == poll) {
            currentLongPoll = null;
        }
    }

    /** offset > 0 forgets every update below it; offset < 0 keeps only the last -offset updates. */
    private void confirm(long offset) {
        if (offset > 0) {
            pendingUpdates.headMap((int) Math.min(offset, Integer.MAX_VALUE), false).clear();
            if (offset > highestConfirmedOffset) {
                highestConfirmedOffset = offset;
                lock.notifyAll();
            }
        } else if (offset < 0) {
            while (pendingUpdates.size() > -offset) {
                pendingUpdates.pollFirstEntry();
            }
            if (!pendingUpdates.isEmpty()) {
                highestConfirmedOffset = Math.max(highestConfirmedOffset, pendingUpdates.firstKey());
            }
            lock.notifyAll();
        }
    }

    private List<Map<String, Object>> collect(int limit) {
        List<Map<String, Object>> result = new ArrayList<>();
        long now = System.nanoTime();
        for (Map.Entry<Integer, Map<String, Object>> entry : pendingUpdates.entrySet()) {
            if (result.size() >= limit) {
                break;
            }
            servedNanos.putIfAbsent(entry.getKey(), now);
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("update_id", entry.getKey());
            update.putAll(entry.getValue());
            result.add(update);
        }
        return result;
    }

    private void updateAllowedUpdates(String arg) throws ApiError {
        if (arg.isEmpty()) {
            return; // "If not specified, the previous setting will be used"
        }
        try {
            JsonNode node = json.readTree(arg);
            if (node == null || !node.isArray()) {
                return;
            }
            Set<String> types = new LinkedHashSet<>();
            node.forEach(t -> types.add(t.asText()));
            allowedUpdates = types.isEmpty() ? null : types;
        } catch (JsonProcessingException e) {
            // ignored like the real server
        }
    }

    /** Adds an update to the queue (as Telegram would create it), returns its update_id or -1 if not allowed. */
    long enqueueUpdate(Map<String, Object> body) {
        String type = body.keySet().stream().filter(k -> !k.equals("update_id")).findFirst().orElse("");
        boolean allowed = allowedUpdates == null ? !NOT_DELIVERED_BY_DEFAULT.contains(type) : allowedUpdates.contains(type);
        if (!allowed) {
            return -1; // Telegram does not even create updates of types the bot did not ask for
        }
        int id = nextUpdateId++;
        pendingUpdates.put(id, body);
        createdUpdates.put(id, body);
        lock.notifyAll();
        return id;
    }

    private Object deleteWebhook(ApiRequest r) {
        synchronized (lock) {
            if (r.bool("drop_pending_updates")) {
                pendingUpdates.clear();
            }
        }
        return true;
    }

    private Object webhookInfo() {
        synchronized (lock) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("url", "");
            info.put("has_custom_certificate", false);
            info.put("pending_update_count", pendingUpdates.size());
            return info;
        }
    }

    // ================================================================ sending

    private Object sendMessage(String method, ApiRequest r, Instant now) throws ApiError {
        String raw = r.arg("text");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        FormattedText formatted = TextFormatting.format(raw, r.arg("parse_mode"), r.arg("entities"), json);
        ReplyMarkupParser.Markup markup = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            ChatState chat = chat(r.arg("chat_id"));
            Map<String, Object> replyTo = replyTarget(chat, r);
            FormattedText text = TextFormatting.normalize(formatted);
            if (text.text().isEmpty()) {
                throw ApiError.badRequest("text must be non-empty");
            }
            if (text.codePointLength() > MAX_TEXT_LENGTH) {
                throw ApiError.badRequest("message is too long");
            }
            checkCanWrite(chat);
            markup.checkCallbackData();
            acquireSendSlot(chat);
            int messageId = nextMessageId();
            Map<String, Object> message = botMessageJson(chat, messageId, now, null, text, markup, null);
            if (replyTo != null) {
                message.put("reply_to_message", replyTo);
            }
            SentMessage sent = new SentMessage(chat.id, messageId, 0, SentMessage.Kind.SENT, method, text.text(), raw,
                    nullIfEmpty(r.arg("parse_mode")), text.entities(), markup.inlineKeyboard(), markup.raw(), null, now,
                    null, message);
            chat.addVersion(sent);
            notifyListeners(sent);
            lock.notifyAll();
            return message;
        }
    }

    private Object sendDocument(String method, ApiRequest r, Instant now) throws ApiError {
        String documentArg = r.arg("document");
        MultipartParser.Part upload = null;
        String remoteFileId = null;
        if (documentArg.startsWith("attach://")) {
            upload = r.files.get(documentArg.substring("attach://".length()));
        } else if (!documentArg.isEmpty()) {
            remoteFileId = documentArg;
        } else {
            upload = r.files.get("document");
        }
        if (upload == null && remoteFileId == null) {
            throw ApiError.badRequest("there is no document in the request");
        }
        String rawCaption = r.arg("caption");
        FormattedText formatted = TextFormatting.format(rawCaption, r.arg("parse_mode"), r.arg("caption_entities"), json);
        ReplyMarkupParser.Markup markup = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            ChatState chat = chat(r.arg("chat_id"));
            Map<String, Object> replyTo = replyTarget(chat, r);
            FormattedText caption = TextFormatting.normalize(formatted);
            if (caption.codePointLength() > MAX_CAPTION_LENGTH) {
                throw ApiError.badRequest("message caption is too long");
            }
            SentDocument known = null;
            if (remoteFileId != null) {
                known = filesById.get(remoteFileId);
                if (known == null) {
                    throw ApiError.badRequest(remoteFileId.matches("(?i)https?://.*")
                            ? "failed to get HTTP URL content" : "wrong file identifier/HTTP URL specified");
                }
            } else if (upload.content().length == 0) {
                throw ApiError.badRequest("file must be non-empty");
            }
            checkCanWrite(chat);
            markup.checkCallbackData();
            acquireSendSlot(chat);
            int messageId = nextMessageId();
            SentDocument document = known != null ? known.resentAs(chat.id, messageId, now)
                    : new SentDocument(chat.id, messageId, upload.fileName(), mimeType(upload.fileName()),
                    upload.content(), "BQACAgUAAxkBAAI" + randomToken(18), "AgAD" + randomToken(6), now);
            filesById.putIfAbsent(document.fileId(), document);
            Map<String, Object> message = botMessageJson(chat, messageId, now, null, caption, markup, document);
            if (replyTo != null) {
                message.put("reply_to_message", replyTo);
            }
            SentMessage sent = new SentMessage(chat.id, messageId, 0, SentMessage.Kind.SENT, method, caption.text(),
                    rawCaption, nullIfEmpty(r.arg("parse_mode")), caption.entities(), markup.inlineKeyboard(),
                    markup.raw(), document, now, null, message);
            chat.addVersion(sent);
            notifyListeners(sent);
            lock.notifyAll();
            return message;
        }
    }

    private Object sendChatAction(ApiRequest r) throws ApiError {
        String action = r.arg("action");
        if (!CHAT_ACTIONS.contains(action)) {
            throw ApiError.badRequest("wrong parameter action in request");
        }
        synchronized (lock) {
            ChatState chat = chat(r.arg("chat_id"));
            checkCanWrite(chat);
            chat.chatActions.add(action);
            return true;
        }
    }

    // ================================================================ editing and deleting

    private Object editMessageText(String method, ApiRequest r, Instant now) throws ApiError {
        String raw = r.arg("text");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        FormattedText formatted = TextFormatting.format(raw, r.arg("parse_mode"), r.arg("entities"), json);
        ReplyMarkupParser.Markup markup = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            SentMessage current = messageToEdit(r);
            ChatState chat = chats.get(current.chatId());
            if (markup.isReplyKeyboardKind()) {
                throw ApiError.badRequest("inline keyboard expected");
            }
            if (current.isDocument()) {
                throw ApiError.badRequest("there is no text in the message to edit");
            }
            FormattedText text = TextFormatting.normalize(formatted);
            if (text.text().isEmpty()) {
                throw ApiError.badRequest("text must be non-empty");
            }
            if (text.codePointLength() > MAX_TEXT_LENGTH) {
                throw ApiError.badRequest("message is too long");
            }
            checkNotBlocked(chat);
            markup.checkCallbackData();
            List<List<SentMessage.Button>> keyboard = keyboardOf(markup);
            if (text.text().equals(current.text()) && text.entities().equals(current.entities())
                    && keyboard.equals(current.inlineKeyboard())) {
                throw ApiError.badRequest("message is not modified: specified new message content and reply markup "
                        + "are exactly the same as a current content and reply markup of the message");
            }
            return recordEdit(chat, current, method, text, raw, nullIfEmpty(r.arg("parse_mode")), markup, now);
        }
    }

    private Object editMessageReplyMarkup(String method, ApiRequest r, Instant now) throws ApiError {
        ReplyMarkupParser.Markup markup = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            SentMessage current = messageToEdit(r);
            ChatState chat = chats.get(current.chatId());
            if (markup.isReplyKeyboardKind()) {
                throw ApiError.badRequest("inline keyboard expected");
            }
            checkNotBlocked(chat);
            markup.checkCallbackData();
            if (keyboardOf(markup).equals(current.inlineKeyboard())) {
                throw ApiError.badRequest("message is not modified: specified new message content and reply markup "
                        + "are exactly the same as a current content and reply markup of the message");
            }
            FormattedText same = new FormattedText(current.text(), current.entities());
            return recordEdit(chat, current, method, same, current.rawText(), current.parseMode(), markup, now);
        }
    }

    private SentMessage messageToEdit(ApiRequest r) throws ApiError {
        String chatId = r.arg("chat_id");
        int messageId = (int) Math.max(0, Math.min(Integer.MAX_VALUE, r.longArg("message_id")));
        if (chatId.isEmpty() && messageId == 0) {
            throw ApiError.badRequest(r.arg("inline_message_id").isEmpty()
                    ? "message identifier is not specified" : "MESSAGE_ID_INVALID");
        }
        ChatState chat = chat(chatId);
        SentMessage current = messageId > 0 ? chat.current(messageId) : null;
        if (current == null) {
            if (messageId > 0 && chat.incomingMessages.containsKey(messageId) && !chat.deleted.contains(messageId)) {
                throw ApiError.badRequest("message can't be edited");
            }
            throw ApiError.badRequest("message to edit not found");
        }
        return current;
    }

    private Map<String, Object> recordEdit(ChatState chat, SentMessage current, String method, FormattedText text,
                                           String raw, String parseMode, ReplyMarkupParser.Markup markup, Instant now) {
        Map<String, Object> message = botMessageJson(chat, current.messageId(), current.date(), now, text, markup,
                current.document());
        SentMessage edited = new SentMessage(chat.id, current.messageId(), current.version() + 1, SentMessage.Kind.EDITED,
                method, text.text(), raw, parseMode, text.entities(), markup.inlineKeyboard(), markup.raw(),
                current.document(), current.date(), now, message);
        chat.addVersion(edited);
        notifyListeners(edited);
        lock.notifyAll();
        return message;
    }

    private Object deleteMessage(ApiRequest r) throws ApiError {
        String chatId = r.arg("chat_id");
        int messageId = (int) Math.max(0, Math.min(Integer.MAX_VALUE, r.longArg("message_id")));
        if (chatId.isEmpty()) {
            throw ApiError.badRequest("chat identifier is not specified");
        }
        if (messageId == 0) {
            throw ApiError.badRequest("message identifier is not specified");
        }
        synchronized (lock) {
            ChatState chat = chat(chatId);
            if (!chat.hasMessage(messageId)) {
                throw ApiError.badRequest("message to delete not found");
            }
            chat.deleted.add(messageId);
            lock.notifyAll();
            return true;
        }
    }

    // ================================================================ callbacks and commands

    private Object answerCallbackQuery(ApiRequest r, Instant now) throws ApiError {
        String queryId = r.arg("callback_query_id");
        String text = r.arg("text");
        synchronized (lock) {
            CallbackQuery query = callbackQueries.get(queryId);
            boolean expired = query != null
                    && System.nanoTime() - query.createdNanos() > callbackQueryTimeout.toNanos();
            if (query == null || expired || answeredCallbackQueries.contains(queryId)) {
                throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            if (text.codePointCount(0, text.length()) > MAX_CALLBACK_ANSWER_LENGTH) {
                throw ApiError.badRequest("MESSAGE_TOO_LONG");
            }
            answeredCallbackQueries.add(queryId);
            query.chat().callbackAnswers.add(new CallbackAnswer(queryId, query.data(), query.messageId(), text,
                    r.bool("show_alert"), nullIfEmpty(r.arg("url")), now));
            lock.notifyAll();
            return true;
        }
    }

    private Object setMyCommands(ApiRequest r) throws ApiError {
        List<Map<String, String>> parsed = new ArrayList<>();
        String arg = r.arg("commands");
        if (!arg.isEmpty()) {
            JsonNode array;
            try {
                array = json.readTree(arg);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("can't parse commands JSON object");
            }
            if (array == null || !array.isArray()) {
                throw ApiError.badRequest("expected an Array of BotCommand");
            }
            for (JsonNode node : array) {
                if (!node.isObject()) {
                    throw ApiError.badRequest("can't parse BotCommand: expected an Object");
                }
                for (String field : List.of("command", "description")) {
                    if (!node.has(field)) {
                        throw ApiError.badRequest("can't parse BotCommand: Can't find field \"" + field + "\"");
                    }
                }
                parsed.add(Map.of("command", node.get("command").asText(), "description", node.get("description").asText()));
            }
        }
        String key = commandScopeKey(r);
        // TDLib's checks, then the Telegram server's
        List<Map<String, String>> cleaned = new ArrayList<>();
        for (Map<String, String> c : parsed) {
            String command = c.get("command").strip();
            if (command.startsWith("/")) {
                command = command.substring(1);
            }
            if (command.isEmpty()) {
                throw ApiError.badRequest("command must be non-empty");
            }
            if (command.codePointCount(0, command.length()) > 32) {
                throw ApiError.badRequest("command length must not exceed 32");
            }
            String description = c.get("description").strip();
            if (description.isEmpty()) {
                throw ApiError.badRequest("command description must be non-empty");
            }
            if (description.codePointCount(0, description.length()) > 256) {
                throw ApiError.badRequest("command description length must not exceed 256");
            }
            cleaned.add(Map.of("command", command, "description", description));
        }
        if (cleaned.size() > 100) {
            throw ApiError.badRequest("BOT_COMMANDS_TOO_MUCH");
        }
        for (Map<String, String> c : cleaned) {
            if (!COMMAND.matcher(c.get("command")).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
        }
        synchronized (lock) {
            if (cleaned.isEmpty()) {
                commands.remove(key);
            } else {
                commands.put(key, List.copyOf(cleaned));
            }
        }
        return true;
    }

    private Object getMyCommands(ApiRequest r) throws ApiError {
        String key = commandScopeKey(r);
        synchronized (lock) {
            return commands.getOrDefault(key, List.of());
        }
    }

    private Object deleteMyCommands(ApiRequest r) throws ApiError {
        String key = commandScopeKey(r);
        synchronized (lock) {
            commands.remove(key);
        }
        return true;
    }

    private String commandScopeKey(ApiRequest r) throws ApiError {
        String language = r.arg("language_code");
        if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
            throw ApiError.badRequest("invalid language code specified");
        }
        String scope = r.arg("scope");
        if (scope.isEmpty()) {
            return "default|" + language;
        }
        JsonNode node;
        try {
            node = json.readTree(scope);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse BotCommandScope JSON object");
        }
        if (node == null || !node.isObject() || !node.has("type")) {
            throw ApiError.badRequest("can't parse BotCommandScope: Can't find field \"type\"");
        }
        String type = node.get("type").asText();
        return switch (type) {
            case "default", "all_private_chats", "all_group_chats", "all_chat_administrators" -> type + "|" + language;
            case "chat", "chat_administrators" -> type + ":" + node.path("chat_id").asText() + "|" + language;
            case "chat_member" -> type + ":" + node.path("chat_id").asText() + ":" + node.path("user_id").asText()
                    + "|" + language;
            default -> throw ApiError.badRequest("can't parse BotCommandScope: Unsupported type specified");
        };
    }

    // ================================================================ shared checks (called under lock)

    private ChatState chat(String chatId) throws ApiError {
        if (chatId.isEmpty()) {
            throw ApiError.badRequest("chat_id is empty");
        }
        ChatState chat = null;
        if (chatId.startsWith("@")) {
            for (ChatState c : chats.values()) {
                if (chatId.substring(1).equalsIgnoreCase(String.valueOf(c.chatJson.get("username")))) {
                    chat = c;
                }
            }
        } else {
            try {
                chat = chats.get(Long.parseLong(chatId.trim()));
            } catch (NumberFormatException e) {
                chat = null;
            }
        }
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        return chat;
    }

    private void checkCanWrite(ChatState chat) throws ApiError {
        checkNotBlocked(chat);
        if (!chat.opened) {
            throw ApiError.forbidden("bot can't initiate conversation with a user");
        }
    }

    private void checkNotBlocked(ChatState chat) throws ApiError {
        if (chat.blocked) {
            throw ApiError.forbidden("bot was blocked by the user");
        }
    }

    private void acquireSendSlot(ChatState chat) throws ApiError {
        if (rateLimitsEnforced) {
            rateLimiter.acquire(chat.id, System.nanoTime());
        }
    }

    /** reply_parameters / reply_to_message_id must point at an existing message unless sending without reply is allowed. */
    private Map<String, Object> replyTarget(ChatState chat, ApiRequest r) throws ApiError {
        long replyTo = r.longArg("reply_to_message_id");
        boolean allowWithout = r.bool("allow_sending_without_reply");
        String parameters = r.arg("reply_parameters");
        if (!parameters.isEmpty()) {
            try {
                JsonNode node = json.readTree(parameters);
                replyTo = node.path("message_id").asLong();
                allowWithout = node.path("allow_sending_without_reply").asBoolean(false);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("can't parse reply parameters JSON object");
            }
        }
        if (replyTo <= 0) {
            return null;
        }
        int id = (int) replyTo;
        SentMessage bot = chat.current(id);
        if (bot != null) {
            return bot.json();
        }
        if (chat.incomingMessages.containsKey(id) && !chat.deleted.contains(id)) {
            return chat.incomingMessages.get(id);
        }
        if (allowWithout) {
            return null;
        }
        throw ApiError.badRequest("message to be replied not found");
    }

    private void notifyListeners(SentMessage message) {
        for (BotMessageListener listener : listeners) {
            try {
                listener.botMessage(message);
            } catch (RuntimeException e) {
                e.printStackTrace(); // a listener's bug must not fail the bot's call
            }
        }
    }

    // ================================================================ helpers for FakeUser (called under lock)

    int nextMessageId() {
        return nextMessageId++;
    }

    String newCallbackQueryId() {
        return Long.toString(random.nextLong() & Long.MAX_VALUE);
    }

    void registerCallbackQuery(String queryId, ChatState chat, int messageId, String data) {
        callbackQueries.put(queryId, new CallbackQuery(chat, messageId, data, System.nanoTime()));
    }

    /** The chat described by a Chat object in an update; new group/supergroup/channel chats become known and writable. */
    ChatState knownChat(Object chatObject) {
        if (!(chatObject instanceof Map<?, ?> map) || !(map.get("id") instanceof Number number)) {
            return null;
        }
        long id = number.longValue();
        ChatState chat = chats.get(id);
        if (chat == null) {
            Map<String, Object> chatJson = json.convertValue(map, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            chat = new ChatState(id, chatJson, newChatInstance());
            chat.opened = true; // the bot is a member there
            chats.put(id, chat);
        }
        return chat;
    }

    List<RecordedCall> failedCallsFor(long chatId) {
        String id = Long.toString(chatId);
        return calls.stream().filter(c -> !c.isOk() && id.equals(c.params().get("chat_id"))).toList();
    }

    /** Waits on the lock (caller holds it) for at most the given time; spurious wake-ups are fine for callers' loops. */
    void waitOnLock(long nanos) {
        if (closed) {
            throw new IllegalStateException("FakeBotApi is closed");
        }
        try {
            long millis = Math.max(1, nanos / 1_000_000);
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ================================================================ JSON shapes

    static Map<String, Object> botUserJson() {
        Map<String, Object> bot = new LinkedHashMap<>();
        bot.put("id", BOT_ID);
        bot.put("is_bot", true);
        bot.put("first_name", BOT_FIRST_NAME);
        bot.put("username", BOT_USERNAME);
        return bot;
    }

    private static Map<String, Object> botUserJsonFull() {
        Map<String, Object> bot = botUserJson();
        bot.put("can_join_groups", true);
        bot.put("can_read_all_group_messages", false);
        bot.put("supports_inline_queries", false);
        bot.put("can_connect_to_business", false);
        bot.put("has_main_web_app", false);
        return bot;
    }

    private Map<String, Object> botMessageJson(ChatState chat, int messageId, Instant date, Instant editDate,
                                               FormattedText text, ReplyMarkupParser.Markup markup, SentDocument document) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageId);
        message.put("from", botUserJson());
        message.put("chat", new LinkedHashMap<>(chat.chatJson));
        message.put("date", date.getEpochSecond());
        if (editDate != null) {
            message.put("edit_date", editDate.getEpochSecond());
        }
        if (document != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file_name", document.fileName());
            doc.put("mime_type", document.mimeType());
            doc.put("file_id", document.fileId());
            doc.put("file_unique_id", document.fileUniqueId());
            doc.put("file_size", document.size());
            message.put("document", doc);
            if (!text.text().isEmpty()) {
                message.put("caption", text.text());
                if (!text.entities().isEmpty()) {
                    message.put("caption_entities", text.entities().stream().map(MessageEntity::toJson).toList());
                }
            }
        } else {
            message.put("text", text.text());
            if (!text.entities().isEmpty()) {
                message.put("entities", text.entities().stream().map(MessageEntity::toJson).toList());
            }
        }
        Map<String, Object> echo = markup.echo();
        if (echo != null) {
            message.put("reply_markup", echo);
        }
        return message;
    }

    private static List<List<SentMessage.Button>> keyboardOf(ReplyMarkupParser.Markup markup) {
        return markup.inlineKeyboard() == null ? List.of() : markup.inlineKeyboard();
    }

    private static String mimeType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "doc" -> "application/msword";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }

    private String randomToken(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    private String newChatInstance() {
        return Long.toString(random.nextLong());
    }

    private static String nullIfEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
