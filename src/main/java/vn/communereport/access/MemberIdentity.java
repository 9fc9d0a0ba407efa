package vn.communereport.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** How one member is reached on one channel; a member has at most one identity per channel. */
@Entity
class MemberIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long memberId;
    private String channel;
    private String userRef;
    private String address;
    /** The channel refused our last message (the person blocked the bot) until they write again. */
    private boolean unreachable;
    @Version
    @Column(nullable = false)
    private long version;

    protected MemberIdentity() {
    }

    MemberIdentity(long memberId, ChannelIdentity identity) {
        this.memberId = memberId;
        this.channel = identity.channel();
        this.userRef = identity.userRef();
        this.address = identity.address();
    }

    long memberId() {
        return memberId;
    }

    String address() {
        return address;
    }

    boolean unreachable() {
        return unreachable;
    }

    /** Whether writing from here changes what is stored (so an unchanged identity costs no UPDATE). */
    boolean differsFrom(ChannelIdentity identity) {
        return unreachable || !address.equals(identity.address());
    }

    void seenAt(String address) {
        this.address = address;
        this.unreachable = false;
    }

    void markUnreachable() {
        this.unreachable = true;
    }
}
