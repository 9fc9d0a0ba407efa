package vn.communereport.access;

/**
 * Who wrote, as one channel knows them: the person ({@code userRef}) and where they can be answered
 * ({@code address}). For Telegram, the user id and the private chat's id.
 */
public record ChannelIdentity(String channel, String userRef, String address) {
}
