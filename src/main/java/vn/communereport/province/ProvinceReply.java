package vn.communereport.province;

import java.util.List;

import vn.communereport.messaging.Outbound;

/**
 * What to tell whom after a province administrator's step: to them (at the address they wrote from) and, for a
 * reminder, to a commune's office administrators. The caller writes these to the outbox in its own transaction;
 * {@code notice} is the short answer to a pressed button, or null.
 */
public record ProvinceReply(List<Outbound> messages, String notice) {

    public ProvinceReply {
        messages = List.copyOf(messages);
    }
}
