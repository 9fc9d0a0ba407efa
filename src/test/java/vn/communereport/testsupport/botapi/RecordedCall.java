package vn.communereport.testsupport.botapi;

import java.time.Instant;
import java.util.Map;

/**
 * One HTTP call the bot made, as the stand-in saw and answered it.
 *
 * @param method      the method name as sent in the URL (any case)
 * @param params      every parameter as the Bot API server sees it: strings, with JSON objects/arrays kept as JSON text;
 *                    uploaded files appear as {@code <file name (N bytes)>}
 * @param status      HTTP status returned (200, 400, 429, ...); -1 when the connection was dropped on purpose
 * @param description the error description, or null on success
 */
public record RecordedCall(String method, Map<String, String> params, int status, String description,
                           Instant receivedAt, Instant answeredAt) {

    public RecordedCall {
        params = Map.copyOf(params);
    }

    /** Lower-case method name, the form Telegram matches on. */
    public String normalizedMethod() {
        return method.toLowerCase(java.util.Locale.ROOT);
    }

    public String param(String name) {
        return params.get(name);
    }

    public boolean isOk() {
        return status == 200;
    }

    @Override
    public String toString() {
        return method + " " + params + " -> " + status + (description == null ? "" : " " + description);
    }
}
