package vn.communereport.testsupport.botapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the stand-in knows about one chat. Guarded by FakeBotApi.lock. */
final class ChatState {
    final long id;
    final Map<String, Object> chatJson;
    boolean opened;
    boolean blocked;
    final String chatInstance;

    /** Bot messages: every version, oldest first. */
    final TreeMap<Integer, List<SentMessage>> botMessages = new TreeMap<>();
    /** Messages the user (or other members) sent, by id. */
    final Map<Integer, Map<String, Object>> incomingMessages = new HashMap<>();
    final Set<Integer> deleted = new HashSet<>();
    /** Every new message and every edit, in the order the bot made them; await* methods walk it with a cursor. */
    final List<SentMessage> events = new ArrayList<>();
    int eventCursor;
    final List<SentDocument> documents = new ArrayList<>();
    final List<CallbackAnswer> callbackAnswers = new ArrayList<>();
    int callbackAnswerCursor;
    final List<String> chatActions = new ArrayList<>();

    ChatState(long id, Map<String, Object> chatJson, String chatInstance) {
        this.id = id;
        this.chatJson = new LinkedHashMap<>(chatJson);
        this.chatInstance = chatInstance;
    }

    boolean isPrivate() {
        return "private".equals(chatJson.get("type"));
    }

    void addVersion(SentMessage message) {
        botMessages.computeIfAbsent(message.messageId(), id -> new ArrayList<>()).add(message);
        events.add(message);
        if (message.isDocument() && !message.isEdit()) {
            documents.add(message.document());
        }
    }

    /** Current version of a bot message that still exists, or null. */
    SentMessage current(int messageId) {
        List<SentMessage> versions = botMessages.get(messageId);
        if (versions == null || deleted.contains(messageId)) {
            return null;
        }
        return versions.get(versions.size() - 1);
    }

    List<SentMessage> currentMessages() {
        List<SentMessage> result = new ArrayList<>();
        for (Integer id : botMessages.keySet()) {
            SentMessage m = current(id);
            if (m != null) {
                result.add(m);
            }
        }
        return result;
    }

    /** The newest existing bot message whose current keyboard offers this callback_data. */
    SentMessage latestWithButton(String callbackData) {
        for (Integer id : botMessages.descendingKeySet()) {
            SentMessage m = current(id);
            if (m != null && m.hasButton(callbackData)) {
                return m;
            }
        }
        return null;
    }

    boolean hasMessage(int messageId) {
        return current(messageId) != null
                || (incomingMessages.containsKey(messageId) && !deleted.contains(messageId));
    }
}
