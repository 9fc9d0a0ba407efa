package vn.communereport.conversation;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.springframework.data.domain.Persistable;

/**
 * A delivery already applied; a re-delivery of it is ignored. Always inserted, never merged: a second claim of
 * the same delivery must fail on the primary key, not quietly update the first one's row.
 */
@Entity
@IdClass(ProcessedDelivery.Key.class)
class ProcessedDelivery implements Persistable<ProcessedDelivery.Key> {

    static final class Key implements Serializable {
        private String channel;
        private String deliveryId;

        Key() {
        }

        Key(String channel, String deliveryId) {
            this.channel = channel;
            this.deliveryId = deliveryId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && java.util.Objects.equals(channel, k.channel)
                    && java.util.Objects.equals(deliveryId, k.deliveryId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(channel, deliveryId);
        }
    }

    @Id
    private String channel;
    @Id
    private String deliveryId;
    private Instant processedAt;

    protected ProcessedDelivery() {
    }

    ProcessedDelivery(String channel, String deliveryId, Instant processedAt) {
        this.channel = channel;
        this.deliveryId = deliveryId;
        this.processedAt = processedAt;
    }

    @Override
    public Key getId() {
        return new Key(channel, deliveryId);
    }

    @Override
    public boolean isNew() {
        return true;
    }
}
