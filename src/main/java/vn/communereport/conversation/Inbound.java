package vn.communereport.conversation;

import vn.communereport.access.ChannelIdentity;

/**
 * What a person did, independent of the channel: a text (a command arrives as "/name argument", already
 * stripped of any "@botname" by the edge), a button press or something the bot does not read (a sticker, a
 * photo…). {@code deliveryId} identifies the delivery so it is applied once; {@code repliedTo} is the
 * channel's reference of the bot message the person replied to (for a button: the message it sits under), or null. A file the person sent ({@link Kind#FILE})
 * arrives with its bytes, fetched by the edge, in {@code file}.
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
        String repliedTo,
        ReceivedFile file) {

    public enum Kind { TEXT, BUTTON, UNSUPPORTED, EDITED, FILE }

    /** Without a file, as every kind but {@link Kind#FILE} arrives. */
    public Inbound(String channel, String deliveryId, ChannelIdentity from, boolean privateChat, String displayName, Kind kind,
                   String text, String buttonData, String repliedTo) {
        this(channel, deliveryId, from, privateChat, displayName, kind, text, buttonData, repliedTo, null);
    }

    public static Inbound text(ChannelIdentity from, String deliveryId, String displayName, String text) {
        return new Inbound(from.channel(), deliveryId, from, true, displayName, Kind.TEXT, text, null, null);
    }

    public static Inbound button(ChannelIdentity from, String deliveryId, String displayName, String data) {
        return new Inbound(from.channel(), deliveryId, from, true, displayName, Kind.BUTTON, null, data, null);
    }

    public static Inbound file(ChannelIdentity from, String deliveryId, String displayName, ReceivedFile file) {
        return new Inbound(from.channel(), deliveryId, from, true, displayName, Kind.FILE, null, null, null, file);
    }

    public Inbound replyingTo(String channelMessageRef) {
        return new Inbound(channel, deliveryId, from, privateChat, displayName, kind, text, buttonData, channelMessageRef, file);
    }

    /** The same file message, with what the edge fetched. */
    public Inbound withFile(ReceivedFile fetched) {
        return new Inbound(channel, deliveryId, from, privateChat, displayName, Kind.FILE, text, buttonData, repliedTo, fetched);
    }
}
