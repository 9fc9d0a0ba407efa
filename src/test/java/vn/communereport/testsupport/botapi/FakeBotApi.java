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
 * Implemented are the methods the bot calls, and only those: getMe, deleteWebhook (long polling calls it at start),
 * setWebhook and getWebhookInfo (webhook mode; while a webhook is set, getUpdates is refused with 409 and updates are
 * posted to it, see {@link WebhookDelivery} and {@link #routeWebhook}), getUpdates, sendMessage, sendDocument (multipart upload), answerCallbackQuery, setMyCommands (every scope and
 * language) and setChatMenuButton. Anything else answers 404 Not Found, as Telegram does for an unknown method (and is recorded in
 * {@link #calls()}), so a bot that starts calling a new method fails here until the method is added, as strictly.
 * Within those methods the bot sends plain text with inline callback buttons and web_app buttons (HTTPS only): a parse_mode is refused with Telegram's
 * "unsupported parse_mode", and parameters Telegram would act on but the stand-in does not implement (entities,
 * reply_parameters, a document by file_id, reply keyboards, url buttons, ...) are refused with a 400 saying so.
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
    /** Telegram lets a bot download files up to 20 MB (getFile answers "file is too big" above). */
    static final long MAX_DOWNLOAD_SIZE = 20L * 1024 * 1024;
    static final String CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    static final String WEBHOOK_CONFLICT = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    /** Telegram posts webhooks only to these ports. */
    static final Set<Integer> WEBHOOK_PORTS = Set.of(443, 80, 88, 8443);
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]*");
    private static final long SECOND = 1_000_000_000L;
    private static final Set<String> NOT_DELIVERED_BY_DEFAULT = Set.of("chat_member", "message_reaction", "message_reaction_count");
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
     * Told of every message the bot sends, in any chat, as it is recorded (under the stand-in's lock: keep it
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
    /** chat id -> menu button set with setChatMenuButton; 0 = the default for all private chats. */
    private final Map<Long, Map<String, Object>> menuButtons = new HashMap<>();
    private boolean closed;
    private int activeExchanges;
    /** update_id -> System.nanoTime() when getUpdates first handed the update to the bot. */
    private final Map<Integer, Long> servedNanos = new HashMap<>();
    private final List<BotMessageListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A document a user sent: downloadable at {@code path} once getFile has issued that path, as Telegram does. */
    private record UserFile(String fileId, String uniqueId, String fileName, byte[] content, String path) {
    }

    private final Map<String, UserFile> userFiles = new HashMap<>();
    private final Map<String, UserFile> issuedFilePaths = new HashMap<>();
    private final WebhookDelivery webhook;
    private int nextFileNumber = 1;

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
        webhook = new WebhookDelivery(this, json, executor, Duration.ofSeconds(10));
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

    /** Bot messages in any chat (e.g. a group chat made known through {@link FakeUser#sendsUpdate}), oldest first. */
    public List<SentMessage> messagesIn(long chatId) {
        synchronized (lock) {
            ChatState chat = chats.get(chatId);
            return chat == null ? List.of() : List.copyOf(chat.messages);
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

    /**
     * Commands set for one scope and language code ("" for none), as stored: the scope as "default",
     * "all_private_chats", "all_group_chats", "all_chat_administrators", "chat:CHAT_ID", "chat_administrators:CHAT_ID"
     * or "chat_member:CHAT_ID:USER_ID". What a user actually sees is {@link FakeUser#commandMenu()}.
     */
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
     * or a webhook's first POST of it started, or -1 while it has not been handed out. With {@link SentMessage#arrivedNanos()} this gives the bot's latency.
     */
    public long servedNanos(long updateId) {
        synchronized (lock) {
            Long served = servedNanos.get((int) updateId);
            return served == null ? -1 : served;
        }
    }

    /** Registers a listener told of every bot message from now on; see {@link BotMessageListener}. */
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
        if (path.startsWith("/file/bot")) {
            return fileDownload(path);
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
            case "setwebhook" -> setWebhook(r);
            case "getwebhookinfo" -> getWebhookInfo();
            case "getupdates" -> getUpdates(r, now);
            case "sendmessage" -> sendMessage(asSent, r, now);
            case "answercallbackquery" -> answerCallbackQuery(r, now);
            case "setmycommands" -> setMyCommands(r);
            case "setchatmenubutton" -> setChatMenuButton(r);
            case "senddocument" -> sendDocument(asSent, r, now);
            case "getfile" -> getFile(r);
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
            if (webhook.isSet()) {
                throw new ApiError(409, WEBHOOK_CONFLICT);
            }
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
            webhook.delete();
            if (r.bool("drop_pending_updates")) {
                pendingUpdates.clear();
            }
        }
        return true;
    }

    // ================================================================ webhook

    /**
     * setWebhook as the Bot API server checks it: an empty url removes the webhook; otherwise an HTTPS URL on port 443,
     * 80, 88 or 8443 whose host is not a reserved address; secret_token at most 256 of A-Z a-z 0-9 _ -; max_connections
     * 1-100 (default 40); allowed_updates as for getUpdates. A certificate or ip_address is not implemented.
     */
    private Object setWebhook(ApiRequest r) throws ApiError {
        String url = r.arg("url").trim();
        for (String parameter : List.of("certificate", "ip_address")) {
            if (!r.arg(parameter).isEmpty() || r.files.containsKey(parameter)) {
                throw ApiError.notImplemented("the " + parameter + " parameter");
            }
        }
        if (url.isEmpty()) {
            synchronized (lock) {
                webhook.delete();
                if (r.bool("drop_pending_updates")) {
                    pendingUpdates.clear();
                }
            }
            return true;
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad webhook: Failed to parse webhook URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        if (!WEBHOOK_PORTS.contains(port)) {
            throw ApiError.badRequest("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.matches("(127|10)\\..*|192\\.168\\..*|0\\.0\\.0\\.0")) {
            throw ApiError.badRequest("bad webhook: IP address " + host + " is reserved");
        }
        String secret = r.arg("secret_token");
        if (secret.length() > 256) {
            throw ApiError.badRequest("secret token is too long");
        }
        if (!SECRET_TOKEN.matcher(secret).matches()) {
            throw ApiError.badRequest("secret token contains unallowed characters");
        }
        int maxConnections = r.intArg("max_connections", 40, 1, 100);
        synchronized (lock) {
            updateAllowedUpdates(r.arg("allowed_updates"));
            if (r.bool("drop_pending_updates")) {
                pendingUpdates.clear();
            }
            webhook.set(new WebhookDelivery.Registration(url, secret, maxConnections));
        }
        return true;
    }

    private Object getWebhookInfo() {
        synchronized (lock) {
            return webhook.info(pendingUpdates.size(), allowedUpdates);
        }
    }

    /**
     * Like a load balancer in front of the bot's instances: posts to a webhook URL starting with {@code publicPrefix}
     * (e.g. "https://bot.example.vn") go to these local addresses in turn (e.g. "http://127.0.0.1:PORT"), the rest of
     * the URL kept. Until a route covers the registered URL nothing is posted (the updates stay pending).
     */
    public void routeWebhook(String publicPrefix, List<String> targets) {
        synchronized (lock) {
            webhook.route(publicPrefix, targets);
        }
    }

    /** The webhook's URL as set, or "" (getWebhookInfo's url). */
    public String webhookUrl() {
        synchronized (lock) {
            return String.valueOf(webhook.info(0, null).get("url"));
        }
    }

    /** Every POST of an update to a webhook target so far, with its answer, oldest first. */
    public List<WebhookPost> webhookPosts() {
        synchronized (lock) {
            return webhook.posts();
        }
    }

    /** Waits until a webhook target answered 2xx to this update. */
    public void awaitDelivered(long updateId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!webhook.delivered(updateId)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("Update " + updateId + " not delivered by webhook within " + timeout + "; posts: "
                            + webhook.posts().stream().filter(p -> p.updateId() == updateId).toList());
                }
                waitOnLock(remaining);
            }
        }
    }

    /** Called by WebhookDelivery (under lock): the updates not delivered yet, in update_id order. */
    TreeMap<Integer, Map<String, Object>> pendingForWebhook() {
        return pendingUpdates;
    }

    /**
     * Called by WebhookDelivery (under lock): a POST of this update starts. The bot may reply before its 200 is read
     * here, so this, not the delivery, is when the update was handed out.
     */
    void postingByWebhook(int updateId) {
        servedNanos.putIfAbsent(updateId, System.nanoTime());
    }

    /** Called by WebhookDelivery (under lock): a webhook target took this update. */
    void deliveredByWebhook(int updateId) {
        pendingUpdates.remove(updateId);
        servedNanos.putIfAbsent(updateId, System.nanoTime());
    }

    boolean isClosed() {
        return closed;
    }

    // ================================================================ sending

    private Object sendMessage(String method, ApiRequest r, Instant now) throws ApiError {
        String raw = r.arg("text");
        if (raw.isEmpty()) {
            throw ApiError.badRequest("message text is empty");
        }
        refuseUnimplemented(r);
        String formatted = TextFormatting.plainText(raw, r, "entities");
        List<List<SentMessage.Button>> keyboard = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            ChatState chat = chat(r.arg("chat_id"));
            if (formatted.isEmpty()) {
                throw ApiError.badRequest("text must be non-empty");
            }
            if (TextFormatting.codePoints(formatted) > MAX_TEXT_LENGTH) {
                throw ApiError.badRequest("message is too long");
            }
            checkCanWrite(chat);
            ReplyMarkupParser.checkCallbackData(keyboard, chat.isPrivate());
            acquireSendSlot(chat);
            int messageId = nextMessageId();
            Map<String, Object> message = botMessageJson(chat, messageId, now, formatted, keyboard, null);
            record(new SentMessage(chat.id, messageId, method, formatted, raw, keyboard, null, now, message), chat);
            return message;
        }
    }

    private Object sendDocument(String method, ApiRequest r, Instant now) throws ApiError {
        String documentArg = r.arg("document");
        MultipartParser.Part upload;
        if (documentArg.startsWith("attach://")) {
            upload = r.files.get(documentArg.substring("attach://".length()));
        } else if (!documentArg.isEmpty()) {
            throw ApiError.notImplemented("sending a document by file_id or URL");
        } else {
            upload = r.files.get("document");
        }
        if (upload == null) {
            throw ApiError.badRequest("there is no document in the request");
        }
        refuseUnimplemented(r);
        String rawCaption = r.arg("caption");
        String caption = TextFormatting.plainText(rawCaption, r, "caption_entities");
        List<List<SentMessage.Button>> keyboard = ReplyMarkupParser.parse(r.arg("reply_markup"), json);
        synchronized (lock) {
            ChatState chat = chat(r.arg("chat_id"));
            if (TextFormatting.codePoints(caption) > MAX_CAPTION_LENGTH) {
                throw ApiError.badRequest("message caption is too long");
            }
            if (upload.content().length == 0) {
                throw ApiError.badRequest("file must be non-empty");
            }
            checkCanWrite(chat);
            ReplyMarkupParser.checkCallbackData(keyboard, chat.isPrivate());
            acquireSendSlot(chat);
            int messageId = nextMessageId();
            SentDocument document = new SentDocument(chat.id, messageId, upload.fileName(), mimeType(upload.fileName()),
                    upload.content(), "BQACAgUAAxkBAAI" + randomToken(18), "AgAD" + randomToken(6), now);
            Map<String, Object> message = botMessageJson(chat, messageId, now, caption, keyboard, document);
            record(new SentMessage(chat.id, messageId, method, caption, rawCaption, keyboard, document, now, message), chat);
            return message;
        }
    }

    /** getFile: a file a user sent, by its file_id; its file_path can then be downloaded. Over 20 MB is refused. */
    private Object getFile(ApiRequest r) throws ApiError {
        String fileId = r.arg("file_id");
        if (fileId.isEmpty()) {
            throw ApiError.badRequest("file_id not specified");
        }
        synchronized (lock) {
            UserFile file = userFiles.get(fileId);
            if (file == null) {
                throw ApiError.badRequest("invalid file_id");
            }
            if (file.content().length > MAX_DOWNLOAD_SIZE) {
                throw ApiError.badRequest("file is too big");
            }
            issuedFilePaths.put(file.path(), file);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file_id", file.fileId());
            result.put("file_unique_id", file.uniqueId());
            result.put("file_size", file.content().length);
            result.put("file_path", file.path());
            return result;
        }
    }

    /** GET /file/bot{token}/{file_path}: the bytes, for a path getFile issued; anything else is 404 as at Telegram. */
    private Reply fileDownload(String path) {
        String rest = path.substring("/file/bot".length());
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(0, slash).equals(token)) {
            return error(new ApiError(404, "Not Found"));
        }
        synchronized (lock) {
            UserFile file = issuedFilePaths.get(rest.substring(slash + 1));
            if (file == null) {
                return error(new ApiError(404, "Not Found"));
            }
            return new Reply(200, file.content(), "application/octet-stream", null, null);
        }
    }

    /** Called by FakeUser (under lock): keeps a document a user sends and returns its Document object. */
    Map<String, Object> userDocument(String fileName, byte[] content) {
        String extension = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : "";
        UserFile file = new UserFile("BQACAgUAAxkBAAI" + randomToken(18), "AgAD" + randomToken(6), fileName, content.clone(),
                "documents/file_" + nextFileNumber++ + extension);
        userFiles.put(file.fileId(), file);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file_name", fileName);
        document.put("mime_type", mimeType(fileName));
        document.put("file_id", file.fileId());
        document.put("file_unique_id", file.uniqueId());
        document.put("file_size", content.length);
        return document;
    }

    /**
     * Parameters of sendMessage/sendDocument that change what Telegram does but that the bot does not use, so the
     * stand-in does not implement them: refused rather than silently ignored.
     */
    private static void refuseUnimplemented(ApiRequest r) throws ApiError {
        for (String parameter : List.of("reply_parameters", "reply_to_message_id", "business_connection_id")) {
            if (!r.arg(parameter).isEmpty()) {
                throw ApiError.notImplemented("the " + parameter + " parameter");
            }
        }
    }

    private void record(SentMessage sent, ChatState chat) {
        chat.add(sent);
        notifyListeners(sent);
        lock.notifyAll();
    }

    // ================================================================ callbacks and commands

    private Object answerCallbackQuery(ApiRequest r, Instant now) throws ApiError {
        String queryId = r.arg("callback_query_id");
        String text = r.arg("text");
        if (!r.arg("url").isEmpty()) {
            throw ApiError.notImplemented("answerCallbackQuery with url");
        }
        synchronized (lock) {
            CallbackQuery query = callbackQueries.get(queryId);
            boolean expired = query != null
                    && System.nanoTime() - query.createdNanos() > callbackQueryTimeout.toNanos();
            if (query == null || expired || answeredCallbackQueries.contains(queryId)) {
                throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
            }
            if (TextFormatting.codePoints(text) > MAX_CALLBACK_ANSWER_LENGTH) {
                throw ApiError.badRequest("MESSAGE_TOO_LONG");
            }
            answeredCallbackQueries.add(queryId);
            query.chat().callbackAnswers.add(new CallbackAnswer(queryId, query.data(), query.messageId(), text,
                    r.bool("show_alert"), now));
            lock.notifyAll();
            return true;
        }
    }

    /**
     * setChatMenuButton: for one private chat the bot knows, or (no chat_id) the default of every private chat. Types
     * "default", "commands" and "web_app" (text non-empty, web_app.url HTTPS), as the Bot API server parses them.
     */
    private Object setChatMenuButton(ApiRequest r) throws ApiError {
        String prefix = "can't parse menu button: ";
        Map<String, Object> button;
        String arg = r.arg("menu_button");
        if (arg.isEmpty()) {
            button = Map.of("type", "default");
        } else {
            JsonNode node;
            try {
                node = json.readTree(arg);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("can't parse menu button JSON object");
            }
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest(prefix + "MenuButton must be an Object");
            }
            String type = stringField(node, "type", prefix);
            switch (type) {
                case "default", "commands" -> button = Map.of("type", type);
                case "web_app" -> {
                    String text = stringField(node, "text", prefix);
                    if (text.isBlank()) {
                        throw ApiError.badRequest("menu button text must be non-empty");
                    }
                    String url = ReplyMarkupParser.webAppUrl(node.get("web_app"), prefix);
                    button = Map.of("type", type, "text", text, "web_app", Map.of("url", url));
                }
                default -> throw ApiError.badRequest(prefix + "Unsupported type specified");
            }
        }
        synchronized (lock) {
            String chatId = r.arg("chat_id");
            if (chatId.isEmpty()) {
                menuButtons.put(0L, button);
                return true;
            }
            ChatState chat = chat(chatId);
            if (!chat.resolvable()) {
                throw ApiError.badRequest("chat not found");
            }
            if (!chat.isPrivate()) {
                throw ApiError.badRequest("can't change menu button in non-private chats");
            }
            menuButtons.put(chat.id, button);
            return true;
        }
    }

    /** The menu button a private chat shows, as last set (its own, else the default set for all): type, text, web_app. */
    public Map<String, Object> menuButton(long chatId) {
        synchronized (lock) {
            return menuButtons.getOrDefault(chatId, menuButtons.getOrDefault(0L, Map.of("type", "commands")));
        }
    }

    /** In the order of the Bot API server (JSON of commands, then of the scope, then the chat), TDLib, then Telegram. */
    private Object setMyCommands(ApiRequest r) throws ApiError {
        List<Map<String, String>> parsed = parseCommands(r.arg("commands"));
        JsonNode scope = parseScope(r.arg("scope"));
        synchronized (lock) {
            String key = scopeKey(scope) + "|" + languageCode(r.arg("language_code"));
            List<Map<String, String>> cleaned = new ArrayList<>();
            for (Map<String, String> c : parsed) {
                String command = c.get("command").strip();
                if (command.startsWith("/")) {
                    command = command.substring(1);
                }
                if (command.isEmpty()) {
                    throw ApiError.badRequest("command must be non-empty");
                }
                if (TextFormatting.codePoints(command) > 32) {
                    throw ApiError.badRequest("command length must not exceed 32");
                }
                String description = c.get("description").strip();
                if (description.isEmpty()) {
                    throw ApiError.badRequest("command description must be non-empty");
                }
                if (TextFormatting.codePoints(description) > 256) {
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
            if (cleaned.isEmpty()) {
                commands.remove(key); // an empty list deletes the list of that scope and language
            } else {
                commands.put(key, List.copyOf(cleaned));
            }
            return true;
        }
    }

    private List<Map<String, String>> parseCommands(String arg) throws ApiError {
        List<Map<String, String>> parsed = new ArrayList<>();
        if (arg.isEmpty()) {
            return parsed;
        }
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
            String command = stringField(node, "command", "can't parse BotCommand: ");
            String description = stringField(node, "description", "can't parse BotCommand: ");
            parsed.add(Map.of("command", command, "description", description));
        }
        return parsed;
    }

    /** The scope as sent (null for the default scope), checked as the Bot API server parses it. */
    private JsonNode parseScope(String arg) throws ApiError {
        if (arg.isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(arg);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("can't parse BotCommandScope JSON object");
        }
        String prefix = "can't parse BotCommandScope: ";
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest(prefix + "BotCommandScope must be an Object");
        }
        String type = stringField(node, "type", prefix);
        switch (type) {
            case "default", "all_private_chats", "all_group_chats", "all_chat_administrators" -> {
                return node;
            }
            case "chat", "chat_administrators", "chat_member" -> {
                if (stringField(node, "chat_id", prefix).isEmpty()) {
                    throw ApiError.badRequest(prefix + "Empty chat_id specified");
                }
                if (type.equals("chat_member")) {
                    JsonNode userId = node.get("user_id");
                    if (userId == null) {
                        throw ApiError.badRequest(prefix + "Can't find field \"user_id\"");
                    }
                    if (!userId.canConvertToLong() && !(userId.isTextual() && userId.asText().matches("-?\\d+"))) {
                        throw ApiError.badRequest(prefix + "Field \"user_id\" must be a valid Number");
                    }
                    if (userId.asLong() <= 0) {
                        throw ApiError.badRequest(prefix + "Invalid user_id specified");
                    }
                }
                return node;
            }
            default -> throw ApiError.badRequest(prefix + "Unsupported type specified");
        }
    }

    /**
     * "default", "all_private_chats", ...; "chat:ID", "chat_administrators:ID", "chat_member:ID:USER". A chat scope
     * needs a chat the bot can resolve: a group it is in, or a private chat with a user it has seen (who sent it
     * anything or opened the chat; blocking the bot later does not matter, since commands only read the chat).
     */
    private String scopeKey(JsonNode scope) throws ApiError {
        if (scope == null) {
            return "default";
        }
        String type = scope.get("type").asText();
        if (!scope.has("chat_id")) {
            return type;
        }
        ChatState chat = chat(scope.get("chat_id").asText());
        if (!chat.resolvable()) {
            throw ApiError.badRequest("chat not found");
        }
        long userId = type.equals("chat_member") ? scope.get("user_id").asLong() : 0;
        if (userId != 0 && (!users.containsKey(userId) || !chats.get(userId).resolvable())) {
            throw ApiError.badRequest("have no access to the user");
        }
        if (chat.isPrivate() && !type.equals("chat")) {
            throw ApiError.badRequest("can't use specified scope in private chats");
        }
        if (chat.type().equals("channel")) {
            throw ApiError.badRequest("can't change commands in channel chats");
        }
        return type + ":" + chat.id + (userId != 0 ? ":" + userId : "");
    }

    /** TDLib's validate_bot_language_code: empty, or two lowercase letters. */
    private static String languageCode(String language) throws ApiError {
        if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
            throw ApiError.badRequest("invalid language code specified");
        }
        return language;
    }

    /** A required string field as TDLib's JSON reads it: a string or a number. */
    private static String stringField(JsonNode object, String field, String prefix) throws ApiError {
        JsonNode value = object.get(field);
        if (value == null) {
            throw ApiError.badRequest(prefix + "Can't find field \"" + field + "\"");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw ApiError.badRequest(prefix + "Field \"" + field + "\" must be of type String");
        }
        return value.asText();
    }

    /**
     * The command menu a user sees in the private chat with the bot, by Telegram's rule: the first list set among
     * chat + language, chat, all_private_chats + language, all_private_chats, default + language, default.
     */
    Map<String, String> commandMenu(long chatId, String languageCode) {
        String language = languageCode == null ? "" : languageCode;
        for (String scope : List.of("chat:" + chatId, "all_private_chats", "default")) {
            for (String lang : language.isEmpty() ? List.of("") : List.of(language, "")) {
                Map<String, String> found = myCommands(scope, lang);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return Map.of();
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
        if (chat.blocked) {
            throw ApiError.forbidden("bot was blocked by the user");
        }
        if (!chat.opened) {
            throw ApiError.forbidden("bot can't initiate conversation with a user");
        }
    }

    private void acquireSendSlot(ChatState chat) throws ApiError {
        if (rateLimitsEnforced) {
            rateLimiter.acquire(chat.id, System.nanoTime());
        }
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

    private Map<String, Object> botMessageJson(ChatState chat, int messageId, Instant date, String text,
                                               List<List<SentMessage.Button>> keyboard, SentDocument document) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageId);
        message.put("from", botUserJson());
        message.put("chat", new LinkedHashMap<>(chat.chatJson));
        message.put("date", date.getEpochSecond());
        if (document != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file_name", document.fileName());
            doc.put("mime_type", document.mimeType());
            doc.put("file_id", document.fileId());
            doc.put("file_unique_id", document.fileUniqueId());
            doc.put("file_size", document.size());
            message.put("document", doc);
            if (!text.isEmpty()) {
                message.put("caption", text);
            }
        } else {
            message.put("text", text);
        }
        Map<String, Object> echo = ReplyMarkupParser.echo(keyboard);
        if (echo != null) {
            message.put("reply_markup", echo);
        }
        return message;
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
}
