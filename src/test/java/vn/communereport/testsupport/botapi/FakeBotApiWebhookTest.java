package vn.communereport.testsupport.botapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The stand-in's webhook: setWebhook as strict as Telegram, getUpdates refused while it is set, and its posts. */
class FakeBotApiWebhookTest {

    static final String TOKEN = "123456:TEST-token_for-the-stand-in";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeBotApi api;
    final HttpClient http = HttpClient.newHttpClient();
    final List<HttpServer> receivers = new ArrayList<>();

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
    }

    @AfterEach
    void stop() {
        receivers.forEach(r -> r.stop(0));
        api.close();
    }

    @Test
    void setWebhookTakesOnlyWhatTelegramTakes() throws Exception {
        assertThat(call("setWebhook", "{\"url\":\"http://bot.example.vn/hook\"}").path("description").asText())
                .isEqualTo("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        assertThat(call("setWebhook", "{\"url\":\"https://bot.example.vn:8080/hook\"}").path("description").asText())
                .isEqualTo("Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        assertThat(call("setWebhook", "{\"url\":\"https://127.0.0.1/hook\"}").path("description").asText())
                .contains("is reserved");
        assertThat(call("setWebhook", "{\"url\":\"https://bot.example.vn/hook\",\"secret_token\":\"a b\"}").path("description").asText())
                .isEqualTo("Bad Request: secret token contains unallowed characters");
        assertThat(call("setWebhook", "{\"url\":\"https://bot.example.vn/hook\",\"secret_token\":\"" + "a".repeat(257) + "\"}")
                .path("error_code").asInt()).isEqualTo(400);
        assertThat(api.webhookUrl()).isEmpty();

        assertThat(call("setWebhook", "{\"url\":\"https://bot.example.vn:8443/hook\",\"secret_token\":\"" + "A-z_9".repeat(51)
                + "\",\"max_connections\":7,\"allowed_updates\":[\"message\"]}").path("result").asBoolean()).isTrue();
        JsonNode info = call("getWebhookInfo", "{}").path("result");
        assertThat(info.path("url").asText()).isEqualTo("https://bot.example.vn:8443/hook");
        assertThat(info.path("max_connections").asInt()).isEqualTo(7);
        assertThat(info.path("allowed_updates").toString()).isEqualTo("[\"message\"]");
        assertThat(info.path("pending_update_count").asInt()).isZero();
    }

    @Test
    void getUpdatesIsRefusedWhileAWebhookIsSetAndWorksAgainOnceItIsDeleted() throws Exception {
        call("setWebhook", "{\"url\":\"https://bot.example.vn/hook\"}");
        JsonNode refused = call("getUpdates", "{\"timeout\":0}");
        assertThat(refused.path("error_code").asInt()).isEqualTo(409);
        assertThat(refused.path("description").asText()).isEqualTo(FakeBotApi.WEBHOOK_CONFLICT);
        assertThat(call("deleteWebhook", "{}").path("result").asBoolean()).isTrue();
        assertThat(call("getUpdates", "{\"timeout\":0}").path("ok").asBoolean()).isTrue();
        assertThat(api.webhookUrl()).isEmpty();
    }

    @Test
    void updatesArePostedWithTheSecretToTheTargetsInTurnAndPostedAgainUntilOneTakesThem() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger refusals = new AtomicInteger(1);
        String failing = receiver(seen, () -> refusals.getAndDecrement() > 0 ? 500 : 200);
        String taking = receiver(seen, () -> 200);
        String refusing = "http://127.0.0.1:" + closedPort();
        api.routeWebhook("https://bot.example.vn", List.of(failing, refusing, taking));
        call("setWebhook", "{\"url\":\"https://bot.example.vn/hook\",\"secret_token\":\"s3cret\"}");

        FakeUser lan = api.user(1001, "Lan");
        FakeUser binh = api.user(1002, "Bình");
        long first = lan.sends("một");
        long second = binh.sends("hai");
        long third = lan.sends("ba");
        api.awaitDelivered(first, WAIT);
        api.awaitDelivered(second, WAIT);
        api.awaitDelivered(third, WAIT);

        List<WebhookPost> posts = api.webhookPosts();
        assertThat(posts).extracting(WebhookPost::target).allMatch(t -> t.endsWith("/hook"));
        assertThat(posts).filteredOn(p -> p.target().startsWith(refusing)).isNotEmpty().noneMatch(WebhookPost::delivered);
        assertThat(posts).filteredOn(p -> p.status() == 500).hasSize(1);
        assertThat(posts).filteredOn(WebhookPost::delivered).extracting(WebhookPost::updateId).containsExactlyInAnyOrder(first, second, third);
        assertThat(seen).allMatch(s -> s.startsWith("s3cret "));
        assertThat(seen).anyMatch(s -> s.contains("\"update_id\":" + first) && s.contains("\"text\":\"một\""));
        // Lan's second update is posted only once her first was taken.
        WebhookPost firstTaken = posts.stream().filter(p -> p.updateId() == first && p.delivered()).findFirst().orElseThrow();
        WebhookPost thirdPosted = posts.stream().filter(p -> p.updateId() == third).findFirst().orElseThrow();
        assertThat(posts.indexOf(thirdPosted)).isGreaterThan(posts.indexOf(firstTaken));
        assertThat(api.pendingUpdateCount()).isZero();
    }

    private String receiver(ConcurrentLinkedQueue<String> seen, java.util.function.IntSupplier status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            seen.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token") + " " + body);
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        receivers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JsonNode call(String method, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN + "/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
