package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * From the text/caption parameter to what Telegram stores: parse_mode handling, then the clean-up Telegram applies
 * (control characters become spaces, '\r' is dropped, leading/trailing spaces and new lines are trimmed).
 */
final class TextFormatting {
    /** Raw text/caption parameters above 32 KiB are refused before any parsing (Bot API server). */
    static final int MAX_RAW_BYTES = 1 << 15;

    private static final Set<String> ENTITY_TYPES = Set.of("mention", "hashtag", "cashtag", "bot_command", "url",
            "email", "phone_number", "bold", "italic", "underline", "strikethrough", "spoiler", "blockquote",
            "expandable_blockquote", "code", "pre", "text_link", "text_mention", "custom_emoji", "date_time");

    private TextFormatting() {
    }

    /**
     * Applies parse_mode (or the explicit entities parameter when there is none).
     *
     * @throws ApiError "text is too long", "unsupported parse_mode", "can't parse entities: ..."
     */
    static FormattedText format(String text, String parseMode, String entitiesJson, ObjectMapper json) throws ApiError {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_RAW_BYTES) {
            throw ApiError.badRequest("text is too long");
        }
        String mode = parseMode == null ? "" : parseMode.toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !mode.isEmpty() && !mode.equals("none")) {
            try {
                return switch (mode) {
                    case "html" -> HtmlEntityParser.parse(text);
                    case "markdownv2" -> MarkdownV2Parser.parse(text);
                    case "markdown" -> LegacyMarkdownParser.parse(text);
                    default -> throw ApiError.badRequest("unsupported parse_mode");
                };
            } catch (EntityParseException e) {
                throw ApiError.badRequest("can't parse entities: " + e.getMessage());
            }
        }
        return new FormattedText(text, explicitEntities(entitiesJson, json));
    }

    private static List<MessageEntity> explicitEntities(String entitiesJson, ObjectMapper json) throws ApiError {
        List<MessageEntity> result = new ArrayList<>();
        if (entitiesJson == null || entitiesJson.isEmpty()) {
            return result;
        }
        JsonNode array;
        try {
            array = json.readTree(entitiesJson);
        } catch (Exception e) {
            return result; // the real server silently ignores an unparsable entities parameter
        }
        if (array == null || !array.isArray()) {
            return result;
        }
        for (JsonNode node : array) {
            if (!node.isObject()) {
                throw ApiError.badRequest("can't parse MessageEntity: expected an Object");
            }
            String type = node.path("type").asText("");
            if (!ENTITY_TYPES.contains(type)) {
                continue;
            }
            result.add(new MessageEntity(type, node.path("offset").asInt(), node.path("length").asInt(),
                    node.hasNonNull("url") ? node.get("url").asText() : null,
                    node.hasNonNull("language") ? node.get("language").asText() : null,
                    node.hasNonNull("custom_emoji_id") ? node.get("custom_emoji_id").asText() : null,
                    node.has("user") ? node.path("user").path("id").asLong() : null));
        }
        return sorted(result);
    }

    /**
     * Telegram's fix_formatted_text: control characters other than '\n' become spaces, '\r' and U+2028..U+202E are
     * removed, then trailing spaces/new lines and leading ones (before the first entity) are trimmed.
     * The result may be empty: callers decide whether that is an error.
     */
    static FormattedText normalize(FormattedText input) {
        String s = input.text();
        StringBuilder cleaned = new StringBuilder(s.length());
        int[] newIndex = new int[s.length() + 1];
        for (int i = 0; i < s.length(); i++) {
            newIndex[i] = cleaned.length();
            char ch = s.charAt(i);
            if (ch == '\r' || (ch >= 0x2028 && ch <= 0x202E) || ch == 0x0333 || ch == 0x033F || ch == 0x030A) {
                continue;
            }
            cleaned.append(ch < 32 && ch != '\n' ? ' ' : ch);
        }
        newIndex[s.length()] = cleaned.length();
        List<MessageEntity> entities = new ArrayList<>();
        for (MessageEntity e : input.entities()) {
            int start = clamp(e.offset(), s.length());
            int end = clamp(e.end(), s.length());
            int newStart = newIndex[start];
            int newEnd = newIndex[end];
            if (newEnd > newStart) {
                entities.add(e.withRange(newStart, newEnd - newStart));
            }
        }
        entities = sorted(entities);

        // right trim
        int last = cleaned.length() - 1;
        while (last >= 0 && (cleaned.charAt(last) == ' ' || cleaned.charAt(last) == '\n')) {
            last--;
        }
        if (last < 0) {
            return new FormattedText("", List.of());
        }
        int keep = last + 1;
        List<MessageEntity> trimmed = new ArrayList<>();
        for (MessageEntity e : entities) {
            if (e.offset() >= keep) {
                continue;
            }
            trimmed.add(e.end() > keep ? e.withRange(e.offset(), keep - e.offset()) : e);
        }
        // left trim, but never into an entity
        int firstEntity = trimmed.isEmpty() ? keep : trimmed.stream().mapToInt(MessageEntity::offset).min().orElse(keep);
        int first = 0;
        while (first < firstEntity && (cleaned.charAt(first) == ' ' || cleaned.charAt(first) == '\n')) {
            first++;
        }
        String result = cleaned.substring(first, keep);
        int shift = first;
        List<MessageEntity> shifted = trimmed.stream().map(e -> e.withRange(e.offset() - shift, e.length())).toList();
        return new FormattedText(result, sorted(shifted));
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }

    static List<MessageEntity> sorted(List<MessageEntity> entities) {
        List<MessageEntity> copy = new ArrayList<>(entities);
        copy.sort(Comparator.comparingInt(MessageEntity::offset).thenComparing(Comparator.comparingInt(MessageEntity::length).reversed()));
        return copy;
    }

    /**
     * A link entity as Telegram keeps it: tg://user?id=N becomes a text_mention, a link without scheme gets http://,
     * an empty or unusable link silently produces no entity.
     */
    static MessageEntity linkEntity(String url, int offset, int length) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        if (trimmed.startsWith("tg://user?id=")) {
            try {
                long id = Long.parseLong(trimmed.substring("tg://user?id=".length()));
                return new MessageEntity("text_mention", offset, length, null, null, null, id);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!trimmed.contains(":")) {
            if (!trimmed.contains(".")) {
                return null;
            }
            trimmed = "http://" + trimmed;
        }
        return new MessageEntity("text_link", offset, length, trimmed, null, null, null);
    }

    /** bot_command entities for a text a user types (what Telegram's client-side detection produces). */
    static List<MessageEntity> botCommands(String text) {
        List<MessageEntity> result = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '/' || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)))) {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isCommandChar(text.charAt(end))) {
                end++;
            }
            if (end == i + 1 || end - i - 1 > 64) {
                continue;
            }
            if (end < text.length() && text.charAt(end) == '@') {
                int usernameEnd = end + 1;
                while (usernameEnd < text.length() && isCommandChar(text.charAt(usernameEnd))) {
                    usernameEnd++;
                }
                if (usernameEnd - end - 1 >= 3) {
                    end = usernameEnd;
                }
            }
            result.add(MessageEntity.of("bot_command", i, end - i));
            i = end;
        }
        return result;
    }

    private static boolean isCommandChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
