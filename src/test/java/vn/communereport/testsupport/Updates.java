package vn.communereport.testsupport;

import java.util.concurrent.atomic.AtomicLong;

import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Telegram updates as the long-polling library hands them over, for tests that feed the consumer directly. */
public final class Updates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(500_000);

    private Updates() {
    }

    /** A text message in the user's private chat. */
    public static Update text(long userId, String text) {
        long id = IDS.incrementAndGet();
        return parse("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1780000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Cán bộ %d"},
                 "chat": {"id": %d, "type": "private", "first_name": "Cán bộ %d"}, "text": %s}}
                """.formatted(id, id, userId, userId, userId, userId, quote(text)));
    }

    /** A button press on a bot message in the user's private chat. */
    public static Update button(long userId, String data) {
        long id = IDS.incrementAndGet();
        return parse("""
                {"update_id": %d, "callback_query": {"id": "cb%d", "chat_instance": "1", "data": %s,
                 "from": {"id": %d, "is_bot": false, "first_name": "Cán bộ %d"},
                 "message": {"message_id": 1, "date": 1780000000, "chat": {"id": %d, "type": "private"}, "text": "…"}}}
                """.formatted(id, id, quote(data), userId, userId, userId));
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Update parse(String json) {
        try {
            return JSON.readValue(json, Update.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
