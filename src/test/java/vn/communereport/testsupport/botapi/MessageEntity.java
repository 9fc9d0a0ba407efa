package vn.communereport.testsupport.botapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Bot API MessageEntity as Telegram returns it. Offsets and lengths are in UTF-16 code units, like the real API.
 *
 * @param type          Bot API type name: bold, italic, underline, strikethrough, spoiler, code, pre, text_link,
 *                      text_mention, custom_emoji, blockquote, expandable_blockquote, bot_command, ...
 * @param url           for text_link
 * @param language      for pre
 * @param customEmojiId for custom_emoji
 * @param userId        for text_mention
 */
public record MessageEntity(String type, int offset, int length, String url, String language,
                            String customEmojiId, Long userId) {

    static MessageEntity of(String type, int offset, int length) {
        return new MessageEntity(type, offset, length, null, null, null, null);
    }

    MessageEntity withRange(int newOffset, int newLength) {
        return new MessageEntity(type, newOffset, newLength, url, language, customEmojiId, userId);
    }

    int end() {
        return offset + length;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offset", offset);
        json.put("length", length);
        json.put("type", type);
        if (url != null) {
            json.put("url", url);
        }
        if (language != null) {
            json.put("language", language);
        }
        if (customEmojiId != null) {
            json.put("custom_emoji_id", customEmojiId);
        }
        if (userId != null) {
            json.put("user", Map.of("id", userId, "is_bot", false, "first_name", ""));
        }
        return json;
    }
}
