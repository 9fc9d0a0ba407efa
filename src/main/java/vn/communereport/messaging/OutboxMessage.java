package vn.communereport.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;


/** A message waiting to be sent; claimed by one sender at a time for a short lease. */
@Entity
class OutboxMessage {

    private static final String BUTTON_SEPARATOR = "\u001E";
    private static final String FIELD_SEPARATOR = "\u001F";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long chatId;
    private String text;
    private String buttons;
    private Instant createdAt;
    private String claimedBy;
    private Instant claimedUntil;
    private Instant sentAt;
    private String outcome;

    protected OutboxMessage() {
    }

    OutboxMessage(Outbound message, Instant createdAt) {
        this.chatId = message.chatId();
        this.text = message.text();
        this.buttons = encode(message.buttons());
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    Outbound toOutbound() {
        return new Outbound(chatId, text, decode(buttons));
    }

    void sent(Instant at, String outcome) {
        this.sentAt = at;
        this.outcome = outcome;
    }

    private static String encode(List<List<Outbound.Button>> rows) {
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
                text.append(row.get(i).label()).append(FIELD_SEPARATOR).append(row.get(i).data());
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
                String[] fields = button.split(FIELD_SEPARATOR, 2);
                row.add(new Outbound.Button(fields[0], fields[1]));
            }
            rows.add(row);
        }
        return rows;
    }
}
