package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Telegram user in a private chat with the bot (chat id = user id). Actions enqueue real-shaped updates for the
 * bot's getUpdates; the rest reads what the bot sent to this chat.
 * <p>
 * The await* methods share one cursor over the bot's messages in the chat, in order: each call returns the next
 * matching message after the cursor and moves the cursor past it, skipping non-matching ones.
 */
public final class FakeUser {
    private final FakeBotApi api;
    private final ChatState chat;
    private final long id;
    private String firstName;
    private String lastName;
    private String username;
    private String languageCode = "vi";

    FakeUser(FakeBotApi api, ChatState chat, long id, String firstName) {
        this.api = api;
        this.chat = chat;
        this.id = id;
        this.firstName = firstName;
    }

    public long id() {
        return id;
    }

    public long chatId() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public FakeUser withLastName(String lastName) {
        synchronized (api.lock) {
            this.lastName = lastName;
            refreshChatJson();
        }
        return this;
    }

    public FakeUser withUsername(String username) {
        synchronized (api.lock) {
            this.username = username;
            refreshChatJson();
        }
        return this;
    }

    public FakeUser withLanguageCode(String languageCode) {
        synchronized (api.lock) {
            this.languageCode = languageCode;
        }
        return this;
    }

    // ---------------------------------------------------------------- actions (each returns the update_id)

    /**
     * The user types and sends a text. Opens the chat (the bot may now write to the user); a user who had blocked the
     * bot unblocks it first, as the Telegram client's "Restart" does. A "/command" (also "/command@botusername", as
     * Telegram's menu sends it) gets a bot_command entity.
     */
    public long sends(String text) {
        synchronized (api.lock) {
            return api.enqueueUpdate(Map.of("message", textMessage(text, null)));
        }
    }

    /**
     * The user sends a file as a document (the paper clip, then "File"), without a caption. The bot can fetch it with
     * getFile and then download it from /file/bot{token}/{file_path}, as from Telegram.
     */
    public long sendsDocument(String fileName, byte[] content) {
        synchronized (api.lock) {
            Map<String, Object> message = textMessage("", null);
            message.remove("text");
            message.remove("entities");
            message.put("document", api.userDocument(fileName, content));
            return api.enqueueUpdate(Map.of("message", message));
        }
    }

    /**
     * The user replies to an earlier bot message in this chat (swipe or "Reply" in the Telegram client) with a text.
     * The message update carries reply_to_message: the earlier message as Telegram sends it there (message_id, from =
     * the bot, chat, date, text or document and caption, reply_markup; without a reply_to_message of its own).
     * Otherwise like {@link #sends(String)}.
     *
     * @throws AssertionError when the earlier message is not a bot message in this chat
     */
    public long replyTo(SentMessage earlier, String text) {
        synchronized (api.lock) {
            if (earlier.chatId() != id) {
                throw new AssertionError(this + " cannot reply to " + earlier + ": it is in chat " + earlier.chatId());
            }
            Map<String, Object> replied = new LinkedHashMap<>(existingBotMessage(earlier.messageId()).json());
            replied.remove("reply_to_message");
            return api.enqueueUpdate(Map.of("message", textMessage(text, replied)));
        }
    }

    /**
     * Presses the button with this callback_data on the newest bot message in this chat that shows it.
     *
     * @throws AssertionError when no message in the chat shows such a button (a user can only press what is shown)
     */
    public long presses(String callbackData) {
        synchronized (api.lock) {
            SentMessage target = chat.latestWithButton(callbackData);
            if (target == null) {
                throw new AssertionError("No button with callback_data '" + callbackData + "' is shown to " + this
                        + "; messages with buttons: " + describeKeyboards());
            }
            return press(target, callbackData);
        }
    }

    /** Presses a button on a given message; the message must show the button. */
    public long pressesOn(int messageId, String callbackData) {
        synchronized (api.lock) {
            SentMessage target = existingBotMessage(messageId);
            if (!target.hasButton(callbackData)) {
                throw new AssertionError("Message #" + messageId + " does not show a button with callback_data '"
                        + callbackData + "': " + target);
            }
            return press(target, callbackData);
        }
    }

    /**
     * Sends a callback query with any data for an existing bot message, without checking its keyboard: old buttons,
     * tampered or replayed data, as a modified client could.
     */
    public long pressesRaw(int messageId, String anyData) {
        synchronized (api.lock) {
            return press(existingBotMessage(messageId), anyData);
        }
    }

    /**
     * Sends any update (sticker, photo, edited_message, a message in a group chat, ...). The stand-in assigns update_id
     * and fills what is missing in message-like objects: message_id, date, chat (this user's private chat), from (this
     * user); callback_query gets id, from and chat_instance. Chats found in the update become known to the bot.
     */
    public long sendsUpdate(Map<String, Object> partialUpdate) {
        synchronized (api.lock) {
            chat.known = true;
            Map<String, Object> update = api.json.convertValue(partialUpdate,
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            update.remove("update_id");
            for (Map.Entry<String, Object> entry : update.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?>)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) entry.getValue();
                switch (entry.getKey()) {
                    case "message", "edited_message", "channel_post", "edited_channel_post", "business_message",
                         "edited_business_message" -> completeMessage(entry.getKey(), object);
                    case "callback_query" -> {
                        object.putIfAbsent("id", api.newCallbackQueryId());
                        object.putIfAbsent("from", userJson());
                        object.putIfAbsent("chat_instance", chat.chatInstance);
                    }
                    default -> {
                        // other update types are sent as given
                    }
                }
            }
            return api.enqueueUpdate(update);
        }
    }

    /** The user blocks the bot: further sends fail with 403, and the bot gets a my_chat_member update (member -> kicked). */
    public long blocksBot() {
        synchronized (api.lock) {
            chat.blocked = true;
            chat.known = true;
            return api.enqueueUpdate(Map.of("my_chat_member", memberChange("member", "kicked")));
        }
    }

    /** The user unblocks (restarts) the bot: my_chat_member kicked -> member. */
    public long unblocksBot() {
        synchronized (api.lock) {
            chat.blocked = false;
            chat.opened = true;
            return api.enqueueUpdate(Map.of("my_chat_member", memberChange("kicked", "member")));
        }
    }

    public boolean hasBlockedBot() {
        synchronized (api.lock) {
            return chat.blocked;
        }
    }

    /**
     * The user had started the bot earlier (before the test), so the bot may write first; no update is sent.
     * For tests that need many reachable people without driving each one through the bot.
     */
    public FakeUser withOpenedChat() {
        synchronized (api.lock) {
            chat.opened = true;
        }
        return this;
    }

    public boolean hasOpenedChat() {
        synchronized (api.lock) {
            return chat.opened;
        }
    }

    // ---------------------------------------------------------------- what the bot sent

    /** Every bot message in the chat, oldest first. */
    public List<SentMessage> messages() {
        synchronized (api.lock) {
            return List.copyOf(chat.messages);
        }
    }

    /** The newest bot message in the chat. */
    public SentMessage lastMessage() {
        synchronized (api.lock) {
            if (chat.messages.isEmpty()) {
                throw new AssertionError("The bot has sent nothing to " + this);
            }
            return chat.messages.get(chat.messages.size() - 1);
        }
    }

    /** Every bot message in order, what the await* cursor walks (the same as {@link #messages()}: the bot never edits). */
    public List<SentMessage> events() {
        return messages();
    }

    public List<SentDocument> documents() {
        synchronized (api.lock) {
            return List.copyOf(chat.documents);
        }
    }

    public List<CallbackAnswer> callbackAnswers() {
        synchronized (api.lock) {
            return List.copyOf(chat.callbackAnswers);
        }
    }

    /**
     * The command menu this user sees in the private chat with the bot, by Telegram's rule for setMyCommands scopes:
     * the first list set among chat + the user's language_code, chat, all_private_chats + language, all_private_chats,
     * default + language, default. Command -> description, in order; empty when none applies.
     */
    public Map<String, String> commandMenu() {
        synchronized (api.lock) {
            return api.commandMenu(id, languageCode);
        }
    }

    /** The next bot message not yet consumed by an await call. */
    public SentMessage awaitNext(Duration timeout) {
        return awaitMessage(m -> true, timeout, "message");
    }

    /** The next bot message whose text contains the substring; others before it are skipped. */
    public SentMessage awaitText(String substring, Duration timeout) {
        return awaitMessage(m -> m.text().contains(substring), timeout, "message containing \"" + substring + "\"");
    }

    public SentMessage awaitMessage(Predicate<SentMessage> condition, Duration timeout) {
        return awaitMessage(condition, timeout, "matching message");
    }

    /** The next document message; other messages before it are skipped. */
    public SentDocument awaitDocument(Duration timeout) {
        return awaitMessage(SentMessage::isDocument, timeout, "document").document();
    }

    /** Fails if the bot sends anything to this chat within the duration. */
    public void expectNoMessage(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (api.lock) {
            int start = chat.eventCursor;
            while (true) {
                if (chat.messages.size() > start) {
                    throw new AssertionError("Expected no message to " + this + " but got " + chat.messages.get(start));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                api.waitOnLock(remaining);
            }
        }
    }

    /** The next answerCallbackQuery for this user's presses, not yet consumed. */
    public CallbackAnswer awaitCallbackAnswer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (api.lock) {
            while (chat.callbackAnswerCursor >= chat.callbackAnswers.size()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("No answerCallbackQuery for " + this + " within " + timeout
                            + "; failed calls: " + api.failedCallsFor(id));
                }
                api.waitOnLock(remaining);
            }
            return chat.callbackAnswers.get(chat.callbackAnswerCursor++);
        }
    }

    private SentMessage awaitMessage(Predicate<SentMessage> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SentMessage> skipped = new ArrayList<>();
        synchronized (api.lock) {
            while (true) {
                while (chat.eventCursor < chat.messages.size()) {
                    SentMessage m = chat.messages.get(chat.eventCursor++);
                    if (condition.test(m)) {
                        return m;
                    }
                    skipped.add(m);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("No " + what + " to " + this + " within " + timeout
                            + "\n  skipped meanwhile: " + skipped
                            + "\n  all bot messages in the chat: " + chat.messages
                            + "\n  failed bot calls for this chat: " + api.failedCallsFor(id));
                }
                api.waitOnLock(remaining);
            }
        }
    }

    // ---------------------------------------------------------------- internals (called under api.lock)

    /** A text message from this user in the private chat, replying to the given message JSON when not null. */
    private Map<String, Object> textMessage(String text, Map<String, Object> replyTo) {
        unblockIfBlocked();
        chat.opened = true;
        chat.known = true;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", api.nextMessageId());
        message.put("from", userJson());
        message.put("chat", new LinkedHashMap<>(chat.chatJson));
        message.put("date", Instant.now().getEpochSecond());
        if (replyTo != null) {
            message.put("reply_to_message", replyTo);
        }
        message.put("text", text);
        List<Map<String, Object>> commands = TextFormatting.botCommands(text);
        if (!commands.isEmpty()) {
            message.put("entities", commands);
        }
        return message;
    }

    private long press(SentMessage target, String data) {
        chat.known = true;
        String queryId = api.newCallbackQueryId();
        api.registerCallbackQuery(queryId, chat, target.messageId(), data);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", queryId);
        query.put("from", userJson());
        query.put("message", target.json());
        query.put("chat_instance", chat.chatInstance);
        query.put("data", data);
        return api.enqueueUpdate(Map.of("callback_query", query));
    }

    private SentMessage existingBotMessage(int messageId) {
        SentMessage target = chat.message(messageId);
        if (target == null) {
            throw new AssertionError("There is no bot message #" + messageId + " in the chat with " + this
                    + "; messages: " + chat.messages);
        }
        return target;
    }

    private void completeMessage(String key, Map<String, Object> message) {
        message.putIfAbsent("message_id", api.nextMessageId());
        message.putIfAbsent("date", Instant.now().getEpochSecond());
        message.putIfAbsent("chat", new LinkedHashMap<>(chat.chatJson));
        if (key.startsWith("edited_")) {
            message.putIfAbsent("edit_date", Instant.now().getEpochSecond());
        }
        Object chatObject = message.get("chat");
        boolean channel = chatObject instanceof Map<?, ?> c && "channel".equals(c.get("type"));
        if (!channel) {
            message.putIfAbsent("from", userJson());
        }
        if (api.knownChat(chatObject) == chat) {
            unblockIfBlocked();
            chat.opened = true;
        }
    }

    private void unblockIfBlocked() {
        if (chat.blocked) {
            chat.blocked = false;
            api.enqueueUpdate(Map.of("my_chat_member", memberChange("kicked", "member")));
        }
    }

    private Map<String, Object> memberChange(String oldStatus, String newStatus) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("chat", new LinkedHashMap<>(chat.chatJson));
        change.put("from", userJson());
        change.put("date", Instant.now().getEpochSecond());
        change.put("old_chat_member", member(oldStatus));
        change.put("new_chat_member", member(newStatus));
        return change;
    }

    private Map<String, Object> member(String status) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("status", status);
        member.put("user", FakeBotApi.botUserJson());
        if (status.equals("kicked")) {
            member.put("until_date", 0);
        }
        return member;
    }

    Map<String, Object> userJson() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("is_bot", false);
        user.put("first_name", firstName);
        if (lastName != null) {
            user.put("last_name", lastName);
        }
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    static Map<String, Object> privateChatJson(long id, String firstName, String lastName, String username) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("id", id);
        chat.put("first_name", firstName);
        if (lastName != null) {
            chat.put("last_name", lastName);
        }
        if (username != null) {
            chat.put("username", username);
        }
        chat.put("type", "private");
        return chat;
    }

    private void refreshChatJson() {
        chat.chatJson.clear();
        chat.chatJson.putAll(privateChatJson(id, firstName, lastName, username));
    }

    private String describeKeyboards() {
        List<String> shown = new ArrayList<>();
        for (SentMessage m : chat.messages) {
            if (m.hasInlineKeyboard()) {
                shown.add(m.toString());
            }
        }
        return shown.isEmpty() ? "none" : String.join("; ", shown);
    }

    @Override
    public String toString() {
        return "user " + id + " (" + firstName + ")";
    }
}
