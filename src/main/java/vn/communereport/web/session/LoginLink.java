package vn.communereport.web.session;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use link the bot sent a member: opens one session, once, within its validity. */
@Entity
@Table(name = "web_login_link")
class LoginLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private long memberId;
    private String communeCode;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected LoginLink() {
    }

    LoginLink(String tokenHash, long memberId, String communeCode, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.memberId = memberId;
        this.communeCode = communeCode;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long memberId() {
        return memberId;
    }

    boolean used() {
        return usedAt != null;
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
