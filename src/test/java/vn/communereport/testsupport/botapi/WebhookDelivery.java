package vn.communereport.testsupport.botapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stand-in's side of a webhook: while one is set, pending updates are POSTed as JSON to its URL with the secret in
 * {@code X-Telegram-Bot-Api-Secret-Token}, as Telegram does. An update is delivered once the receiver answers 2xx; a
 * non-2xx answer, a timeout or a refused connection leaves it pending and it is posted again after a pause (Telegram
 * keeps it for up to a day). At most max_connections posts are open at once, and a chat's updates go one at a time in
 * update_id order (the next only after the previous one was taken), as the Bot API server's webhook queues them.
 * <p>
 * The URL Telegram is given is public HTTPS; the test maps it, like a load balancer, to local targets taken in turn
 * (round robin), so that two instances of the bot behind one address both receive posts ({@link FakeBotApi#routeWebhook}).
 * All state is guarded by the stand-in's lock.
 */
final class WebhookDelivery {

    /** A webhook as set with setWebhook. */
    record Registration(String url, String secret, int maxConnections) {
    }

    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 2_000;

    private final FakeBotApi api;
    private final ObjectMapper json;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Duration timeout;

    // guarded by api.lock
    Registration registration;
    private String routedPrefix;
    private List<String> targets = List.of();
    private final AtomicInteger turn = new AtomicInteger();
    private final Set<Integer> inFlight = new HashSet<>();
    private final Map<Integer, Long> retryAtNanos = new HashMap<>();
    private final Map<Integer, Long> retryDelay = new HashMap<>();
    private final List<WebhookPost> posts = new ArrayList<>();
    private final Set<Integer> delivered = new HashSet<>();
    private long lastErrorDate;
    private String lastErrorMessage;
    private Thread dispatcher;

    WebhookDelivery(FakeBotApi api, ObjectMapper json, ExecutorService executor, Duration timeout) {
        this.api = api;
        this.json = json;
        this.executor = executor;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor).build();
    }

    /** Posts for URLs under {@code publicPrefix} go to these targets in turn, with the rest of the URL kept. */
    void route(String publicPrefix, List<String> localTargets) {
        routedPrefix = publicPrefix;
        targets = List.copyOf(localTargets);
        api.lock.notifyAll();
    }

    void set(Registration webhook) {
        registration = webhook;
        lastErrorDate = 0;
        lastErrorMessage = null;
        if (dispatcher == null) {
            dispatcher = new Thread(this::dispatch, "fake-bot-api-webhook");
            dispatcher.setDaemon(true);
            dispatcher.start();
        }
        api.lock.notifyAll();
    }

    void delete() {
        registration = null;
        api.lock.notifyAll();
    }

    boolean isSet() {
        return registration != null;
    }

    List<WebhookPost> posts() {
        return List.copyOf(posts);
    }

    boolean delivered(long updateId) {
        return delivered.contains((int) updateId);
    }

    /** getWebhookInfo's result. */
    Map<String, Object> info(int pendingUpdates, Set<String> allowedUpdates) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("url", registration == null ? "" : registration.url());
        info.put("has_custom_certificate", false);
        info.put("pending_update_count", pendingUpdates);
        if (registration != null) {
            info.put("max_connections", registration.maxConnections());
            if (allowedUpdates != null) {
                info.put("allowed_updates", List.copyOf(allowedUpdates));
            }
        }
        if (lastErrorMessage != null) {
            info.put("last_error_date", lastErrorDate);
            info.put("last_error_message", lastErrorMessage);
        }
        return info;
    }

    // ---------------------------------------------------------------- the dispatcher thread

    private void dispatch() {
        synchronized (api.lock) {
            while (!api.isClosed()) {
                long waitNanos = startWhatMayGo();
                try {
                    api.lock.wait(Math.max(1, waitNanos / 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Starts the posts that may go now; returns how long to wait at most before looking again. */
    private long startWhatMayGo() {
        long idle = 1_000_000_000L;
        Registration webhook = registration;
        if (webhook == null || targets.isEmpty() || routedPrefix == null || !webhook.url().startsWith(routedPrefix)) {
            return idle;
        }
        long now = System.nanoTime();
        long wait = idle;
        Set<Object> chatsAhead = new HashSet<>();
        for (Map.Entry<Integer, Map<String, Object>> pending : api.pendingForWebhook().entrySet()) {
            int id = pending.getKey();
            Object chat = chatOf(pending.getValue(), id);
            if (!chatsAhead.add(chat) || inFlight.contains(id)) {
                continue; // an earlier update of this chat is not delivered yet, or this one is on its way
            }
            Long retryAt = retryAtNanos.get(id);
            if (retryAt != null && retryAt - now > 0) {
                wait = Math.min(wait, retryAt - now);
                continue;
            }
            if (inFlight.size() >= webhook.maxConnections()) {
                break;
            }
            inFlight.add(id);
            api.postingByWebhook(id);
            String target = targets.get(Math.floorMod(turn.getAndIncrement(), targets.size()))
                    + webhook.url().substring(routedPrefix.length());
            byte[] body = body(id, pending.getValue());
            executor.execute(() -> post(id, target, webhook.secret(), body));
        }
        return wait;
    }

    private void post(int id, String target, String secret, byte[] body) {
        int status;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                    .header("Content-Type", "application/json").header(SECRET_HEADER, secret)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "Wrong response from the webhook: " + status;
            }
        } catch (IOException e) {
            status = -1;
            error = "Connection refused or timed out: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        }
        synchronized (api.lock) {
            inFlight.remove(id);
            posts.add(new WebhookPost(id, target, status, Instant.now()));
            if (error == null) {
                delivered.add(id);
                retryAtNanos.remove(id);
                retryDelay.remove(id);
                api.deliveredByWebhook(id);
            } else {
                long delay = Math.min(MAX_RETRY_MILLIS, retryDelay.getOrDefault(id, FIRST_RETRY_MILLIS / 2) * 2);
                retryDelay.put(id, delay);
                retryAtNanos.put(id, System.nanoTime() + delay * 1_000_000L);
                lastErrorDate = Instant.now().getEpochSecond();
                lastErrorMessage = error;
            }
            api.lock.notifyAll();
        }
    }

    private byte[] body(int id, Map<String, Object> update) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("update_id", id);
        full.putAll(update);
        try {
            return json.writeValueAsBytes(full);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chat an update belongs to (its message's, or its button's message's); an update without one goes alone. */
    private static Object chatOf(Map<String, Object> update, int id) {
        for (Object part : update.values()) {
            if (part instanceof Map<?, ?> object) {
                Object chat = object.get("chat");
                if (chat == null && object.get("message") instanceof Map<?, ?> message) {
                    chat = message.get("chat");
                }
                if (chat instanceof Map<?, ?> c && c.get("id") != null) {
                    return c.get("id");
                }
            }
        }
        return "update:" + id;
    }
}
