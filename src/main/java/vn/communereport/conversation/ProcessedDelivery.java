package vn.communereport.conversation;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/** A delivery already applied; a re-delivery of it is ignored. */
@Entity
@IdClass(ProcessedDelivery.Key.class)
class ProcessedDelivery {

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
}
