package vn.communereport.testsupport.botapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From the text/caption parameter to what Telegram stores. The bot sends plain text only, so no markup is parsed:
 * a parse_mode other than none is refused with Telegram's "unsupported parse_mode", and explicit entities are refused
 * as not implemented, so a change that starts formatting messages fails here instead of passing unchecked.
 * What remains is the clean-up Telegram applies to every text (control characters become spaces, '\r' is dropped,
 * leading and trailing spaces and new lines are trimmed).
 */
final class TextFormatting {
    /** Raw text/caption parameters above 32 KiB are refused before any parsing (Bot API server). */
    static final int MAX_RAW_BYTES = 1 << 15;

    private TextFormatting() {
    }

    /**
     * The text as Telegram stores it; may be empty (callers decide whether that is an error).
     *
     * @param entitiesParameter "entities" for a text, "caption_entities" for a caption
     * @throws ApiError "text is too long", "unsupported parse_mode", or explicit entities (not implemented)
     */
    static String plainText(String text, ApiRequest r, String entitiesParameter) throws ApiError {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_RAW_BYTES) {
            throw ApiError.badRequest("text is too long");
        }
        String mode = r.arg("parse_mode").toLowerCase(Locale.ROOT);
        if (!text.isEmpty() && !mode.isEmpty() && !mode.equals("none")) {
            // Telegram's answer to a parse mode it does not know; this stand-in knows none (the bot sends plain text)
            System.err.println("FakeBotApi: parse_mode " + r.arg("parse_mode") + " refused: the stand-in implements plain "
                    + "text only; implement the parse mode here, as strictly as Telegram, before the bot uses it");
            throw ApiError.badRequest("unsupported parse_mode");
        }
        String entities = r.arg(entitiesParameter).strip();
        if (!entities.isEmpty() && !entities.equals("[]")) {
            throw ApiError.notImplemented("the " + entitiesParameter + " parameter");
        }
        return normalize(text);
    }

    /**
     * Telegram's fix_formatted_text for a text without entities: control characters other than '\n' become spaces,
     * '\r' and U+2028..U+202E are removed, then leading and trailing spaces and new lines are trimmed.
     */
    static String normalize(String s) {
        StringBuilder cleaned = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\r' || (ch >= 0x2028 && ch <= 0x202E) || ch == 0x0333 || ch == 0x033F || ch == 0x030A) {
                continue;
            }
            cleaned.append(ch < 32 && ch != '\n' ? ' ' : ch);
        }
        int end = cleaned.length();
        while (end > 0 && isTrimmed(cleaned.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && isTrimmed(cleaned.charAt(start))) {
            start++;
        }
        return cleaned.substring(start, end);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\n';
    }

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * bot_command entities (as JSON) for a text a user types, as Telegram's client-side detection produces them:
     * "/start", "/start@baocao_xa_bot" (the mention of the bot is part of the entity), anywhere after a space.
     */
    static List<Map<String, Object>> botCommands(String text) {
        List<Map<String, Object>> result = new ArrayList<>();
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
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("offset", i);
            entity.put("length", end - i);
            entity.put("type", "bot_command");
            result.add(entity);
            i = end;
        }
        return result;
    }

    private static boolean isCommandChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
