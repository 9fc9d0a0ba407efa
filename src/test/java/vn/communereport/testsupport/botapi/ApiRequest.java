package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one call, as the Bot API server sees them: every value is a string; a JSON body's objects and
 * arrays stay JSON text (so chat_id may be a number or a string, reply_markup an object or a JSON string, as on
 * Telegram). Query string, application/json, x-www-form-urlencoded and multipart/form-data are all accepted.
 */
final class ApiRequest {
    final Map<String, String> args = new LinkedHashMap<>();
    final Map<String, MultipartParser.Part> files = new LinkedHashMap<>();

    static ApiRequest parse(String rawQuery, String contentType, byte[] body, ObjectMapper json) {
        ApiRequest request = new ApiRequest();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            request.addUrlEncoded(rawQuery);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return request;
        }
        if (type.startsWith("multipart/form-data")) {
            String boundary = MultipartParser.boundary(contentType);
            if (boundary != null) {
                for (MultipartParser.Part part : MultipartParser.parse(body, boundary)) {
                    if (part.fileName() != null) {
                        request.files.put(part.name(), part);
                    } else {
                        request.args.put(part.name(), part.text());
                    }
                }
            }
        } else if (type.contains("application/x-www-form-urlencoded")) {
            request.addUrlEncoded(new String(body, StandardCharsets.UTF_8));
        } else if (type.contains("application/json")) {
            request.addJson(body, json);
        }
        return request;
    }

    private void addUrlEncoded(String encoded) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            args.put(key, value);
        }
    }

    private void addJson(byte[] body, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            return; // Telegram ignores a body it cannot read; the method then reports what is missing
        }
        if (root == null || !root.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            args.put(field.getKey(), value.isTextual() ? value.asText() : value.toString());
        }
    }

    /** The parameter, or "" when absent (the server does not distinguish the two). */
    String arg(String name) {
        String value = args.get(name);
        return value == null ? "" : value;
    }

    boolean bool(String name) {
        String value = arg(name).toLowerCase(Locale.ROOT);
        return value.equals("true") || value.equals("1");
    }

    /** Like the server's to_integer: garbage reads as 0. */
    long longArg(String name) {
        String value = arg(name).trim();
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int intArg(String name, int defaultValue, int min, int max) {
        String value = arg(name).trim();
        long parsed;
        if (value.isEmpty()) {
            parsed = defaultValue;
        } else {
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                parsed = 0;
            }
        }
        return (int) Math.max(min, Math.min(max, parsed));
    }

    /** Everything for the call record, files shown by name and size. */
    Map<String, String> describe() {
        Map<String, String> all = new LinkedHashMap<>(args);
        files.forEach((name, part) -> all.put(name, "<file " + part.fileName() + " (" + part.content().length + " bytes)>"));
        return all;
    }
}
