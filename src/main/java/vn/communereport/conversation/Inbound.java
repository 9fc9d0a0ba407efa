package vn.communereport.conversation;

/**
 * What a person did, independent of the channel: a text, a command, a button press or something the bot
 * does not read (a sticker, a photo…). {@code deliveryId} identifies the delivery so it is applied once.
 */
public record Inbound(
        String channel,
        String deliveryId,
        long userId,
        long chatId,
        boolean privateChat,
        String displayName,
        Kind kind,
        String text,
        String buttonData) {

    public enum Kind { TEXT, BUTTON, UNSUPPORTED, EDITED }

    public static Inbound text(String channel, String deliveryId, long userId, long chatId, String displayName, String text) {
        return new Inbound(channel, deliveryId, userId, chatId, true, displayName, Kind.TEXT, text, null);
    }

    public static Inbound button(String channel, String deliveryId, long userId, long chatId, String displayName, String data) {
        return new Inbound(channel, deliveryId, userId, chatId, true, displayName, Kind.BUTTON, null, data);
    }
}
