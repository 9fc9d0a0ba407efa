package vn.communereport.testsupport.botapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the stand-in knows about one chat. Guarded by FakeBotApi.lock. */
final class ChatState {
    final long id;
    final Map<String, Object> chatJson;
    /** The bot may write here: the user started the bot (or, for a group, the bot is a member). */
    boolean opened;
    boolean blocked;
    /**
     * The bot has seen this user (any update from them, or an opened chat): Telegram then resolves the private chat
     * for methods that only read it, such as setMyCommands with a chat scope, even after the user blocked the bot.
     */
    boolean known;
    final String chatInstance;

    /** Bot messages in the order sent; await* methods walk them with a cursor. */
    final List<SentMessage> messages = new ArrayList<>();
    final Map<Integer, SentMessage> byId = new HashMap<>();
    int eventCursor;
    final List<SentDocument> documents = new ArrayList<>();
    final List<CallbackAnswer> callbackAnswers = new ArrayList<>();
    int callbackAnswerCursor;

    ChatState(long id, Map<String, Object> chatJson, String chatInstance) {
        this.id = id;
        this.chatJson = new LinkedHashMap<>(chatJson);
        this.chatInstance = chatInstance;
    }

    String type() {
        return String.valueOf(chatJson.get("type"));
    }

    boolean isPrivate() {
        return "private".equals(type());
    }

    /** For setMyCommands' chat scopes: a private chat only once the bot has seen the user. */
    boolean resolvable() {
        return !isPrivate() || known || opened || blocked;
    }

    void add(SentMessage message) {
        messages.add(message);
        byId.put(message.messageId(), message);
        if (message.isDocument()) {
            documents.add(message.document());
        }
    }

    /** A bot message in this chat, or null. */
    SentMessage message(int messageId) {
        return byId.get(messageId);
    }

    /** The newest bot message whose keyboard offers this callback_data. */
    SentMessage latestWithButton(String callbackData) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).hasButton(callbackData)) {
                return messages.get(i);
            }
        }
        return null;
    }
}
