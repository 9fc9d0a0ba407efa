package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reply_markup as the Bot API server and Telegram treat it. Refuses what they refuse (with their descriptions) and
 * silently reshapes what they reshape: a button with empty text is dropped, rows are cut at 12 buttons and the keyboard
 * at 300, a button with both url and callback_data is a URL button.
 */
final class ReplyMarkupParser {
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final List<String> OTHER_INLINE_TYPES = List.of("callback_game", "pay", "switch_inline_query",
            "switch_inline_query_chosen_chat", "switch_inline_query_current_chat", "login_url", "web_app", "copy_text");

    /**
     * @param inlineKeyboard the inline keyboard after Telegram's reshaping; null when the markup is not an inline one
     * @param raw            the markup object as sent (any kind); null when none was sent
     */
    record Markup(List<List<SentMessage.Button>> inlineKeyboard, Map<String, Object> raw) {
        static final Markup NONE = new Markup(null, null);

        boolean isInline() {
            return inlineKeyboard != null;
        }

        boolean isReplyKeyboardKind() {
            return raw != null && inlineKeyboard == null;
        }

        /** Telegram's server check, done only when the message is really sent. */
        void checkCallbackData() throws ApiError {
            if (inlineKeyboard == null) {
                return;
            }
            for (List<SentMessage.Button> row : inlineKeyboard) {
                for (SentMessage.Button b : row) {
                    if (b.callbackData() != null
                            && b.callbackData().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES) {
                        throw ApiError.badRequest("BUTTON_DATA_INVALID");
                    }
                }
            }
        }

        /** What a Message object carries back: only inline keyboards are echoed. */
        Map<String, Object> echo() {
            if (inlineKeyboard == null || inlineKeyboard.isEmpty()) {
                return null;
            }
            List<List<Map<String, Object>>> rows = inlineKeyboard.stream()
                    .map(row -> row.stream().map(SentMessage.Button::json).toList()).toList();
            return Map.of("inline_keyboard", rows);
        }
    }

    private ReplyMarkupParser() {
    }

    static Markup parse(String arg, ObjectMapper json) throws ApiError {
        if (arg == null || arg.isEmpty()) {
            return Markup.NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(arg);
        } catch (Exception e) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("object expected as reply markup");
        }
        Map<String, Object> raw = json.convertValue(root, new TypeReference<LinkedHashMap<String, Object>>() {
        });

        int replyButtons = 0;
        JsonNode keyboard = root.get("keyboard");
        if (keyboard != null && !keyboard.isNull()) {
            if (!keyboard.isArray()) {
                throw ApiError.badRequest("field \"keyboard\" must be of type Array");
            }
            for (JsonNode row : keyboard) {
                if (!row.isArray()) {
                    throw ApiError.badRequest("field \"keyboard\" must be an Array of Arrays");
                }
                for (JsonNode button : row) {
                    if (button.isObject() && !button.has("text")) {
                        throw ApiError.badRequest("can't parse keyboard button: Can't find field \"text\"");
                    }
                    if (!button.isObject() && !button.isTextual()) {
                        throw ApiError.badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
                    }
                    replyButtons++;
                }
            }
        }

        List<List<SentMessage.Button>> inline = new ArrayList<>();
        JsonNode inlineKeyboard = root.get("inline_keyboard");
        if (inlineKeyboard != null && !inlineKeyboard.isNull()) {
            if (!inlineKeyboard.isArray()) {
                throw ApiError.badRequest("field \"inline_keyboard\" must be of type Array");
            }
            for (JsonNode row : inlineKeyboard) {
                if (!row.isArray()) {
                    throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
                }
                List<SentMessage.Button> buttons = new ArrayList<>();
                for (JsonNode button : row) {
                    buttons.add(inlineButton(button, json));
                }
                inline.add(buttons);
            }
        }

        if (replyButtons > 0) {
            return new Markup(null, raw);
        }
        if (!inline.isEmpty()) {
            return new Markup(reshape(inline), raw);
        }
        return new Markup(null, raw);
    }

    private static SentMessage.Button inlineButton(JsonNode button, ObjectMapper json) throws ApiError {
        String prefix = "can't parse inline keyboard button: ";
        if (!button.isObject()) {
            throw ApiError.badRequest(prefix + "InlineKeyboardButton must be an Object");
        }
        JsonNode textNode = button.get("text");
        if (textNode == null) {
            throw ApiError.badRequest(prefix + "Can't find field \"text\"");
        }
        if (!textNode.isTextual() && !textNode.isNumber()) {
            throw ApiError.badRequest(prefix + "Field \"text\" must be of type String");
        }
        String text = textNode.asText();
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("text", text);

        String url = stringField(button, "url", prefix);
        if (!url.isEmpty()) {
            echo.put("url", url);
            return new SentMessage.Button(text, null, url, echo);
        }
        String callbackData = stringField(button, "callback_data", prefix);
        if (!callbackData.isEmpty()) {
            echo.put("callback_data", callbackData);
            return new SentMessage.Button(text, callbackData, null, echo);
        }
        for (String type : OTHER_INLINE_TYPES) {
            if (button.has(type)) {
                echo.put(type, json.convertValue(button.get(type), Object.class));
                return new SentMessage.Button(text, null, null, echo);
            }
        }
        throw ApiError.badRequest(prefix + "Text buttons are unallowed in the inline keyboard");
    }

    private static String stringField(JsonNode object, String field, String prefix) throws ApiError {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw ApiError.badRequest(prefix + "Field \"" + field + "\" must be of type String");
        }
        return node.asText();
    }

    /** Telegram drops empty-text buttons and cuts at 12 per row and 300 in all. */
    private static List<List<SentMessage.Button>> reshape(List<List<SentMessage.Button>> rows) {
        List<List<SentMessage.Button>> result = new ArrayList<>();
        int total = 0;
        for (List<SentMessage.Button> row : rows) {
            List<SentMessage.Button> kept = new ArrayList<>();
            for (SentMessage.Button b : row) {
                if (b.text().isEmpty()) {
                    continue;
                }
                kept.add(b);
                total++;
                if (kept.size() >= 12 || total >= 300) {
                    break;
                }
            }
            if (!kept.isEmpty()) {
                result.add(kept);
            }
            if (total >= 300) {
                break;
            }
        }
        return result;
    }
}
