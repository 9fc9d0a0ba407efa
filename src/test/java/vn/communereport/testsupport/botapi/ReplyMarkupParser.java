package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * reply_markup as the Bot API server and Telegram treat it, for the one kind the bot sends: an inline keyboard of
 * callback buttons and web_app buttons (a Mini App at an HTTPS address, in private chats only). Refuses what they
 * refuse (with their descriptions) and silently reshapes what they reshape: a button with empty text is dropped, rows
 * are cut at 12 buttons and the keyboard at 300. Other markup (reply keyboards, remove_keyboard, force_reply) and
 * other inline buttons (url, login_url, ...) are refused as not implemented.
 */
final class ReplyMarkupParser {
    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final List<String> OTHER_MARKUP = List.of("keyboard", "remove_keyboard", "hide_keyboard",
            "force_reply", "force_reply_keyboard");
    private static final List<String> OTHER_BUTTONS = List.of("url", "callback_game", "pay", "switch_inline_query",
            "switch_inline_query_chosen_chat", "switch_inline_query_current_chat", "login_url", "copy_text");
    private static final String BUTTON = "can't parse inline keyboard button: ";

    private ReplyMarkupParser() {
    }

    /** The inline keyboard after Telegram's reshaping; empty when none was sent. */
    static List<List<SentMessage.Button>> parse(String arg, ObjectMapper json) throws ApiError {
        if (arg == null || arg.isEmpty()) {
            return List.of();
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
        for (String kind : OTHER_MARKUP) {
            if (root.hasNonNull(kind)) {
                throw ApiError.notImplemented("reply_markup with \"" + kind + "\"");
            }
        }
        JsonNode keyboard = root.get("inline_keyboard");
        if (keyboard == null || keyboard.isNull()) {
            return List.of();
        }
        if (!keyboard.isArray()) {
            throw ApiError.badRequest("field \"inline_keyboard\" must be of type Array");
        }
        List<List<SentMessage.Button>> rows = new ArrayList<>();
        for (JsonNode row : keyboard) {
            if (!row.isArray()) {
                throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
            }
            List<SentMessage.Button> buttons = new ArrayList<>();
            for (JsonNode button : row) {
                buttons.add(button(button));
            }
            rows.add(buttons);
        }
        return reshape(rows);
    }

    /** Telegram's server check, done only when the message is really sent (after the chat checks). */
    static void checkCallbackData(List<List<SentMessage.Button>> keyboard, boolean privateChat) throws ApiError {
        for (List<SentMessage.Button> row : keyboard) {
            for (SentMessage.Button b : row) {
                if (b.opensWebApp()) {
                    if (!privateChat) {
                        throw ApiError.badRequest("BUTTON_TYPE_INVALID");
                    }
                    continue;
                }
                if (b.callbackData().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA_BYTES) {
                    throw ApiError.badRequest("BUTTON_DATA_INVALID");
                }
            }
        }
    }

    /** What a Message object carries back: the inline keyboard, if any. */
    static Map<String, Object> echo(List<List<SentMessage.Button>> keyboard) {
        if (keyboard.isEmpty()) {
            return null;
        }
        return Map.of("inline_keyboard", keyboard.stream().map(row -> row.stream().map(SentMessage.Button::json).toList()).toList());
    }

    private static SentMessage.Button button(JsonNode button) throws ApiError {
        if (!button.isObject()) {
            throw ApiError.badRequest(BUTTON + "InlineKeyboardButton must be an Object");
        }
        JsonNode text = button.get("text");
        if (text == null) {
            throw ApiError.badRequest(BUTTON + "Can't find field \"text\"");
        }
        if (!text.isTextual() && !text.isNumber()) {
            throw ApiError.badRequest(BUTTON + "Field \"text\" must be of type String");
        }
        for (String type : OTHER_BUTTONS) {
            if (button.hasNonNull(type)) {
                throw ApiError.notImplemented("an inline button with \"" + type + "\"");
            }
        }
        if (button.hasNonNull("web_app")) {
            return webAppButton(text.asText(), button);
        }
        JsonNode data = button.get("callback_data");
        if (data != null && !data.isNull() && !data.isTextual() && !data.isNumber()) {
            throw ApiError.badRequest(BUTTON + "Field \"callback_data\" must be of type String");
        }
        String callbackData = data == null || data.isNull() ? "" : data.asText();
        if (callbackData.isEmpty()) {
            throw ApiError.badRequest(BUTTON + "Text buttons are unallowed in the inline keyboard");
        }
        return new SentMessage.Button(text.asText(), callbackData);
    }

    /** A web_app button: exactly one kind per button, and a Mini App only at an HTTPS address, as Telegram demands. */
    private static SentMessage.Button webAppButton(String text, JsonNode button) throws ApiError {
        if (button.hasNonNull("callback_data")) {
            throw ApiError.badRequest(BUTTON + "an inline keyboard button must have exactly one of the optional fields");
        }
        String url = webAppUrl(button.get("web_app"), BUTTON);
        return new SentMessage.Button(text, "", url);
    }

    /** The url of a WebAppInfo object; only https:// with a host is accepted. */
    static String webAppUrl(JsonNode webApp, String prefix) throws ApiError {
        if (webApp == null || !webApp.isObject()) {
            throw ApiError.badRequest(prefix + "Field \"web_app\" must be of type Object");
        }
        JsonNode url = webApp.get("url");
        if (url == null || !url.isTextual()) {
            throw ApiError.badRequest(prefix + "Can't find field \"url\"");
        }
        String value = url.asText();
        java.net.URI uri;
        try {
            uri = java.net.URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ApiError.badRequest("inline keyboard button Web App URL '" + value + "' is invalid: Only HTTPS links are allowed");
        }
        return value;
    }

    /** Telegram drops empty-text buttons (and rows left empty) and cuts at 12 per row and 300 in all. */
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
