package vn.communereport.telegram;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.conversation.Inbound;
import vn.communereport.conversation.ReceivedFile;

/**
 * Reads a Telegram update as a channel-neutral {@link Inbound}; updates the bot has no use for give null.
 * Telegram's particulars end here: "/cmd@botname" becomes "/cmd", and a reply names the replied message as
 * {@link #messageRef(long, int)}.
 */
final class UpdateMapper {

    static final String CHANNEL = "telegram";

    private UpdateMapper() {
    }

    static Inbound toInbound(Update update) {
        String deliveryId = String.valueOf(update.getUpdateId());
        if (update.hasMessage()) {
            Message message = update.getMessage();
            if (message.getFrom() == null) {
                return null;
            }
            if (message.hasDocument()) {
                // The bytes are fetched by TelegramFiles; until then the core would read it as not fetched.
                Document document = message.getDocument();
                long size = document.getFileSize() == null ? 0 : document.getFileSize();
                return new Inbound(CHANNEL, deliveryId, identity(message.getFrom(), message.getChatId()), isPrivate(message),
                        name(message.getFrom()), Inbound.Kind.FILE, null, null, null,
                        ReceivedFile.unavailable(document.getFileName() == null ? "" : document.getFileName(), size));
            }
            Inbound.Kind kind = message.hasText() ? Inbound.Kind.TEXT : Inbound.Kind.UNSUPPORTED;
            Message replied = message.getReplyToMessage();
            String repliedTo = replied == null ? null : messageRef(message.getChatId(), replied.getMessageId());
            return new Inbound(CHANNEL, deliveryId, identity(message.getFrom(), message.getChatId()), isPrivate(message),
                    name(message.getFrom()), kind, withoutBotName(message.getText()), null, repliedTo);
        }
        if (update.hasEditedMessage()) {
            Message message = update.getEditedMessage();
            if (message.getFrom() == null) {
                return null;
            }
            return new Inbound(CHANNEL, deliveryId, identity(message.getFrom(), message.getChatId()), isPrivate(message),
                    name(message.getFrom()), Inbound.Kind.EDITED, message.getText(), null, null);
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            boolean privateChat = query.getMessage() == null || query.getMessage().getChat() == null
                    || "private".equals(query.getMessage().getChat().getType());
            long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
            // the message the button sits under: the core checks it was about what the person is on now
            String under = query.getMessage() == null ? null : messageRef(chatId, query.getMessage().getMessageId());
            return new Inbound(CHANNEL, deliveryId, identity(query.getFrom(), chatId), privateChat, name(query.getFrom()),
                    Inbound.Kind.BUTTON, null, query.getData(), under);
        }
        return null;
    }

    /** The chat an update came from, or null. */
    static Long chatOf(Update update) {
        Inbound inbound = toInbound(update);
        return inbound == null ? null : Long.valueOf(inbound.from().address());
    }

    /** How a message the bot sent is named outside this package: "chat:message". */
    static String messageRef(long chatId, int messageId) {
        return chatId + ":" + messageId;
    }

    private static ChannelIdentity identity(User user, long chatId) {
        return new ChannelIdentity(CHANNEL, String.valueOf(user.getId()), String.valueOf(chatId));
    }

    /**
     * In a menu Telegram sends "/xem@BaoCaoBot"; the bot's own name is dropped (a private chat has only this
     * bot, so any name after '@' is dropped).
     */
    static String withoutBotName(String text) {
        if (text == null || !text.startsWith("/")) {
            return text;
        }
        int end = text.indexOf(' ');
        String command = end < 0 ? text : text.substring(0, end);
        int at = command.indexOf('@');
        return at < 0 ? text : command.substring(0, at) + (end < 0 ? "" : text.substring(end));
    }

    private static boolean isPrivate(Message message) {
        return message.getChat() != null && "private".equals(message.getChat().getType());
    }

    private static String name(User user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        String name = (first + " " + last).trim();
        return name.isEmpty() ? user.getUserName() : name;
    }
}
