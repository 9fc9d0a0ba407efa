package vn.communereport.telegram;

import org.springframework.stereotype.Component;

import vn.communereport.conversation.ChannelLimits;

/**
 * What a Telegram message can carry: 4,096 characters (200 are kept back for what is appended to a long text),
 * 64 bytes of callback data; eight buttons side by side are still readable on a phone.
 */
@Component
class TelegramLimits implements ChannelLimits {

    @Override
    public int messageLength() {
        return 3800;
    }

    @Override
    public int buttonsPerRow() {
        return 8;
    }

    @Override
    public int buttonDataBytes() {
        return 64;
    }
}
