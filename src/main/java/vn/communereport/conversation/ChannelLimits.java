package vn.communereport.conversation;

/**
 * What the channel a conversation runs on can carry; the channel's adapter provides it (Telegram: 4,096
 * characters a message, 64 bytes of button data).
 */
public interface ChannelLimits {

    /** Characters of one message, with room left for what the channel adds. */
    int messageLength();

    /** Buttons that fit side by side on a phone. */
    int buttonsPerRow();

    int buttonDataBytes();
}
