package vn.communereport.conversation;

import vn.communereport.access.ChannelIdentity;

/**
 * What a person did, independent of the channel: a text (a command arrives as "/name argument", already
 * stripped of any "@botname" by the edge), a button press or something the bot does not read (a sticker, a
 * photo…). {@code deliveryId} identifies the delivery so it is applied once; {@code repliedTo} is the
 * channel's reference of the bot message the person replied to, or null.
 */
public record Inbound(
        String channel,
        String deliveryId,
        ChannelIdentity from,
        boolean privateChat,
        String displayName,
        Kind kind,
        String text,
        String buttonData,
        String repliedTo) {

    public enum Kind { TEXT, BUTTON, UNSUPPORTED, EDITED }

    public static Inbound text(ChannelIdentity from, String deliveryId, String displayName, String text) {
        return new Inbound(from.channel(), deliveryId, from, true, displayName, Kind.TEXT, text, null, null);
    }

    public static Inbound button(ChannelIdentity from, String deliveryId, String displayName, String data) {
        return new Inbound(from.channel(), deliveryId, from, true, displayName, Kind.BUTTON, null, data, null);
    }

    public Inbound replyingTo(String channelMessageRef) {
        return new Inbound(channel, deliveryId, from, privateChat, displayName, kind, text, buttonData, channelMessageRef);
    }
}
