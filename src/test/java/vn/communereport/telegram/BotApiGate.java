package vn.communereport.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gate in front of the Bot API stand-in, for what the stand-in itself does not do: it passes every call through
 * unchanged, except that it can <em>hold</em> the calls of one method (they wait at the gate, never reaching the
 * stand-in, until released or thrown away: a bot killed while Telegram was still receiving its message) and
 * <em>refuse</em> the calls of one method for a while, with a Bot API error (Telegram down for sending, or asking
 * the bot to wait with 429 retry_after, for as long as a test wants), while polling goes on.
 */
public final class BotApiGate implements AutoCloseable {

    /** A call waiting at the gate; {@code text} is its text (or caption) parameter. */
    public record Held(String method, String chatId, String text) {
    }

    private record Refusal(String method, int status, String description, Integer retryAfter, long untilNanos) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String upstream;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // guarded by this
    private final Set<String> holding = new HashSet<>();
    private final List<Held> held = new ArrayList<>();
    private long holdGeneration;
    private long releasedGeneration;
    private boolean forwardHeld;
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private final List<Held> refused = new ArrayList<>();

    private BotApiGate(String upstream) throws IOException {
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bot-api-gate-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A gate in front of the Bot API at {@code upstreamBaseUrl}. */
    public static BotApiGate in(String upstreamBaseUrl) {
        try {
            return new BotApiGate(upstreamBaseUrl);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the gate", e);
        }
    }

    /** Where the bot should call instead of the stand-in. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, calls of this method (case-insensitive) wait at the gate. */
    public synchronized void hold(String method) {
        holding.add(method.toLowerCase(Locale.ROOT));
    }

    /** Waits until at least one call is held at the gate; returns the calls held so far. */
    public synchronized List<Held> awaitHeld(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no call was held at the gate within " + timeout);
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(held);
    }

    /**
     * Stops holding; the calls held so far never reach the stand-in (their sender is gone): each is answered by
     * closing its connection.
     */
    public synchronized void discardHeld() {
        holding.clear();
        held.clear();
        forwardHeld = false;
        releasedGeneration = holdGeneration;
        notifyAll();
    }

    /** Stops holding; the calls held so far go on to the stand-in, as a slow network would have let them. */
    public synchronized void releaseHeld() {
        holding.clear();
        held.clear();
        forwardHeld = true;
        releasedGeneration = holdGeneration;
        notifyAll();
    }

    /**
     * Calls of this method get this error for {@code during}, starting when the refusals queued before it end (or
     * now); {@code retryAfter} adds parameters.retry_after, as Telegram's 429 does.
     */
    public synchronized void refuse(String method, int status, String description, Integer retryAfter, Duration during) {
        long start = refusals.isEmpty() ? System.nanoTime() : Math.max(System.nanoTime(), refusals.peekLast().untilNanos());
        refusals.addLast(new Refusal(method.toLowerCase(Locale.ROOT), status, description, retryAfter, start + during.toNanos()));
    }

    /** Whether calls are still being refused. */
    public synchronized boolean refusing() {
        dropPastRefusals();
        return !refusals.isEmpty();
    }

    /** How long calls will still be refused, zero when they no longer are. */
    public synchronized Duration refusingFor() {
        dropPastRefusals();
        return refusals.isEmpty() ? Duration.ZERO : Duration.ofNanos(Math.max(0, refusals.peekLast().untilNanos() - System.nanoTime()));
    }

    /** The calls the gate refused, oldest first. */
    public synchronized List<Held> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        synchronized (this) {
            discardHeld();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Refusal refusal = refusalFor(method, contentType, body);
            if (refusal != null) {
                respond(exchange, refusal);
                return;
            }
            if (!passes(method, contentType, body)) {
                return; // thrown away: the connection is closed without an answer
            }
            forward(exchange, path, body, contentType);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the call while its method is held; true when it may go on. */
    private synchronized boolean passes(String method, String contentType, byte[] body) throws InterruptedException {
        if (!holding.contains(method)) {
            return true;
        }
        long generation = ++holdGeneration;
        held.add(describe(method, contentType, body));
        notifyAll();
        while (releasedGeneration < generation) {
            wait();
        }
        return forwardHeld;
    }

    private synchronized Refusal refusalFor(String method, String contentType, byte[] body) {
        dropPastRefusals();
        Refusal current = refusals.peekFirst();
        if (current == null || !current.method().equals(method)) {
            return null;
        }
        refused.add(describe(method, contentType, body));
        return current;
    }

    private void dropPastRefusals() {
        while (!refusals.isEmpty() && refusals.peekFirst().untilNanos() <= System.nanoTime()) {
            refusals.removeFirst();
        }
    }

    private Held describe(String method, String contentType, byte[] body) {
        String text = null;
        String chat = null;
        if (contentType != null && contentType.startsWith("application/json")) {
            try {
                JsonNode node = json.readTree(body);
                text = node.hasNonNull("text") ? node.get("text").asText() : node.hasNonNull("caption") ? node.get("caption").asText() : null;
                chat = node.hasNonNull("chat_id") ? node.get("chat_id").asText() : null;
            } catch (IOException unreadable) {
                text = new String(body, StandardCharsets.UTF_8);
            }
        } else {
            text = new String(body, StandardCharsets.UTF_8); // multipart: the caption is in there somewhere
        }
        return new Held(method, chat, text);
    }

    private void respond(HttpExchange exchange, Refusal refusal) throws IOException {
        StringBuilder answer = new StringBuilder("{\"ok\":false,\"error_code\":").append(refusal.status())
                .append(",\"description\":").append(json.writeValueAsString(refusal.description()));
        if (refusal.retryAfter() != null) {
            answer.append(",\"parameters\":{\"retry_after\":").append(refusal.retryAfter()).append('}');
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(refusal.retryAfter()));
        }
        answer.append('}');
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(refusal.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void forward(HttpExchange exchange, String path, byte[] body, String contentType) throws IOException, InterruptedException {
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(120))
                .method(exchange.getRequestMethod(), body.length == 0 && "GET".equals(exchange.getRequestMethod())
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException upstreamDropped) {
            return; // the stand-in dropped the connection: so does the gate
        }
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("retry-after")) {
                header.getValue().forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        }
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
