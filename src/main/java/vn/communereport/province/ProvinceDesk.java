package vn.communereport.province;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.province.chat.ProvinceChat;
import vn.communereport.province.definition.Provinces;

/**
 * The province's front door for the conversation engine: recognises a province administrator by the Telegram id
 * their province file names, and answers their commands and buttons (progress of every commune, reminders to a
 * commune's office, the province summary, reporting rates). Channel-free: it takes what the person did and returns
 * what to tell whom; the caller stores that in the outbox with the rest of the step.
 */
@Service
public class ProvinceDesk {

    private final Provinces provinces;
    private final ProvinceChat chat;

    ProvinceDesk(Provinces provinces, ProvinceChat chat) {
        this.provinces = provinces;
        this.chat = chat;
    }

    /** Whether this person administers a province (and so talks to the province's use cases, not a commune's). */
    public boolean administers(ChannelIdentity who) {
        return who != null && provinces.administeredBy(who.channel(), who.userRef()).isPresent();
    }

    /** A command of the province administrators' menu. */
    public record MenuEntry(String name, String description) {
    }

    /** What a province administrator's menu shows (their commands are not the members' or the office's). */
    public List<MenuEntry> menu() {
        return chat.menu().stream().map(e -> new MenuEntry(e.getKey(), e.getValue())).toList();
    }

    /** Every province administrator named on a channel (for Telegram: user ids, which are their private chats' ids). */
    public List<String> administrators(String channel) {
        if (!Provinces.TELEGRAM.equals(channel)) {
            return List.of();
        }
        return provinces.all().stream().flatMap(p -> p.adminTelegramIds().stream()).sorted().toList();
    }

    public ProvinceReply handle(ProvinceRequest request) {
        return chat.handle(provinces.administeredBy(request.from().channel(), request.from().userRef()).orElseThrow(
                () -> new IllegalArgumentException("not a province administrator: " + request.from().userRef())), request);
    }
}
