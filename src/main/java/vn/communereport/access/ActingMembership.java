package vn.communereport.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

/**
 * Which of their memberships a person acts for, when they have several (two communes, two departments): chosen by
 * them, kept in the database so every instance and every later message acts for the same one.
 */
@Entity
@IdClass(ActingMembership.Key.class)
class ActingMembership {

    @Id
    private String channel;
    @Id
    private String userRef;
    private long memberId;
    private Instant chosenAt;

    protected ActingMembership() {
    }

    ActingMembership(ChannelIdentity who, long memberId, Instant chosenAt) {
        this.channel = who.channel();
        this.userRef = who.userRef();
        this.memberId = memberId;
        this.chosenAt = chosenAt;
    }

    long memberId() {
        return memberId;
    }

    void choose(long memberId, Instant at) {
        this.memberId = memberId;
        this.chosenAt = at;
    }

    static final class Key implements Serializable {
        private String channel;
        private String userRef;

        Key() {
        }

        Key(String channel, String userRef) {
            this.channel = channel;
            this.userRef = userRef;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.channel.equals(channel) && k.userRef.equals(userRef);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channel, userRef);
        }
    }
}
