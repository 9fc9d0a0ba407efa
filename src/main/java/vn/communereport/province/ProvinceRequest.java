package vn.communereport.province;

import vn.communereport.access.ChannelIdentity;

/**
 * What a province administrator did, free of any channel: a text (a command as "/name argument") or a button's data,
 * or neither (a sticker, a photo…).
 */
public record ProvinceRequest(ChannelIdentity from, String text, String buttonData) {

    public static ProvinceRequest text(ChannelIdentity from, String text) {
        return new ProvinceRequest(from, text, null);
    }

    public static ProvinceRequest button(ChannelIdentity from, String data) {
        return new ProvinceRequest(from, null, data);
    }
}
