package vn.communereport.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import vn.communereport.messaging.Texts;

/**
 * Where Telegram posts updates in webhook mode. A post without Telegram's secret header (compared in constant time)
 * is refused with 401 before its body is looked at. An update is written to the database before the 200 that tells
 * Telegram it is delivered, so a crash after that loses nothing; one posted again is answered 200 and recorded once.
 * Handling is the workers' ({@link WebhookWorkers}), on whichever instance, in each chat's order. The body is read
 * raw and parsed here with Jackson 2, the library's {@link Update} being Jackson 2's while the application runs on 3.
 */
@RestController
@ConditionalOnExpression(WebhookConfiguration.WEBHOOK_MODE)
class WebhookEndpoint {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final byte[] secret;
    private final RecordedUpdates updates;
    private final WebhookWorkers workers;
    private final ObjectMapper json;
    private final Texts texts;
    private final Counter refused;

    WebhookEndpoint(WebhookSettings settings, RecordedUpdates updates, WebhookWorkers workers, WebhookConfiguration.WebhookJson json,
                    Texts texts, MeterRegistry meters) {
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        this.updates = updates;
        this.workers = workers;
        this.json = json.mapper();
        this.texts = texts;
        this.refused = Counter.builder("telegram.webhook.refused").description("Webhook posts without the right secret token")
                .register(meters);
    }

    @PostMapping(WebhookSettings.PATH)
    ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String token,
                                   @RequestBody(required = false) byte[] body) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            refused.increment();
            return answer(HttpStatus.UNAUTHORIZED, "webhook.refused.secret");
        }
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (java.io.IOException unreadable) {
            tree = null;
        }
        JsonNode id = tree == null ? null : tree.get("update_id");
        if (id == null || !id.canConvertToLong()) {
            return answer(HttpStatus.BAD_REQUEST, "webhook.refused.not-an-update");
        }
        long updateId = id.asLong();
        try {
            if (updates.record(updateId, chatKey(tree, updateId), new String(body, StandardCharsets.UTF_8))) {
                workers.wake();
            }
        } catch (DataAccessException databaseDown) {
            // Not recorded: Telegram posts it again after a non-2xx answer.
            log.warn("Update {} not recorded, Telegram will post it again: {}", updateId, databaseDown.getMessage());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "webhook.unavailable");
        }
        return ResponseEntity.ok().contentType(TEXT).body("");
    }

    /** The chat whose order the update keeps; an update without one (or one the library cannot read) goes alone. */
    private String chatKey(JsonNode tree, long updateId) {
        try {
            Long chat = UpdateMapper.chatOf(json.treeToValue(tree, Update.class));
            if (chat != null) {
                return String.valueOf(chat);
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            // the worker meets the same problem and records it
        }
        return "u" + updateId;
    }

    private ResponseEntity<String> answer(HttpStatus status, String key) {
        return ResponseEntity.status(status).contentType(TEXT).body(texts.get(key));
    }
}
