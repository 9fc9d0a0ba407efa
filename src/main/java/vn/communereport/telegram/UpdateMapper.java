package vn.communereport.telegram;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import vn.communereport.conversation.Inbound;

/** Reads a Telegram update as a channel-neutral {@link Inbound}; updates the bot has no use for give null. */
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
            Inbound.Kind kind = message.hasText() ? Inbound.Kind.TEXT : Inbound.Kind.UNSUPPORTED;
            return new Inbound(CHANNEL, deliveryId, message.getFrom().getId(), message.getChatId(), isPrivate(message),
                    name(message.getFrom()), kind, message.getText(), null);
        }
        if (update.hasEditedMessage()) {
            Message message = update.getEditedMessage();
            if (message.getFrom() == null) {
                return null;
            }
            return new Inbound(CHANNEL, deliveryId, message.getFrom().getId(), message.getChatId(), isPrivate(message),
                    name(message.getFrom()), Inbound.Kind.EDITED, message.getText(), null);
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            boolean privateChat = query.getMessage() == null || query.getMessage().getChat() == null
                    || "private".equals(query.getMessage().getChat().getType());
            long chatId = query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
            return new Inbound(CHANNEL, deliveryId, query.getFrom().getId(), chatId, privateChat, name(query.getFrom()),
                    Inbound.Kind.BUTTON, null, query.getData());
        }
        return null;
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
