package vn.communereport.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;


/**
 * A message to send, kept until it is sent (and after, without its file, so that a reply to it can be matched to
 * its topic). While {@code claimedBy} is set and {@code claimedUntil} not past, one sender holds it (a lease);
 * {@code claimedUntil} without {@code claimedBy} means "not before" (a retry after Telegram asked to wait).
 * {@code sentAt} is set when it is done with: sent, or given up for a reason that will not change (blocked, refused).
 */
@Entity
class OutboxMessage {

    private static final String BUTTON_SEPARATOR = "\u001E";
    private static final String FIELD_SEPARATOR = "\u001F";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long memberId;
    private String channel;
    private String address;
    private String recipientKey;
    private String text;
    private String buttons;
    private String topic;
    private String attachmentName;
    private byte[] attachment;
    private Instant createdAt;
    private String claimedBy;
    private Instant claimedUntil;
    private Instant sentAt;
    private String outcome;
    private String sentChannel;
    private String sentRef;

    protected OutboxMessage() {
    }

    OutboxMessage(Outbound message, Instant createdAt) {
        if (message.to() instanceof Recipient.ToMember member) {
            this.memberId = member.memberId();
        } else if (message.to() instanceof Recipient.ToAddress at) {
            this.channel = at.channel();
            this.address = at.address();
        }
        this.recipientKey = keyOf(message.to());
        this.text = message.text() == null ? "" : message.text();
        this.buttons = encode(message.buttons());
        this.topic = message.topic();
        if (message.attachment() != null) {
            this.attachmentName = message.attachment().fileName();
            this.attachment = message.attachment().content();
        }
        this.createdAt = createdAt;
    }

    /** One key per recipient: a recipient's messages are sent one at a time, in id order. */
    static String keyOf(Recipient to) {
        if (to instanceof Recipient.ToMember member) {
            return "member:" + member.memberId();
        }
        Recipient.ToAddress at = (Recipient.ToAddress) to;
        return at.channel() + ":" + at.address();
    }

    Long getId() {
        return id;
    }

    Outbound toOutbound() {
        Recipient to = memberId != null ? Recipient.member(memberId) : Recipient.address(channel, address);
        Outbound.Attachment file = attachment == null ? null : new Outbound.Attachment(attachmentName, attachment);
        return new Outbound(to, text, decode(buttons), file, topic);
    }

    static String encode(List<List<Outbound.Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (List<Outbound.Button> row : rows) {
            if (text.length() > 0) {
                text.append('\n');
            }
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(BUTTON_SEPARATOR);
                }
                Outbound.Button button = row.get(i);
                text.append(button.label()).append(FIELD_SEPARATOR).append(button.data());
                if (button.opensWebApp()) {
                    text.append(FIELD_SEPARATOR).append(button.webAppUrl());
                }
            }
        }
        return text.toString();
    }

    private static List<List<Outbound.Button>> decode(String text) {
        List<List<Outbound.Button>> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        for (String line : text.split("\n")) {
            List<Outbound.Button> row = new ArrayList<>();
            for (String button : line.split(BUTTON_SEPARATOR)) {
                String[] fields = button.split(FIELD_SEPARATOR, 3);
                row.add(new Outbound.Button(fields[0], fields[1], fields.length > 2 ? fields[2] : null));
            }
            rows.add(row);
        }
        return rows;
    }
}
