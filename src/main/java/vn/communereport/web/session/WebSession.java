package vn.communereport.web.session;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One signed-in browser or Mini App: the member it proved, until when, and the CSRF token its pages send back. */
@Entity
@Table(name = "web_session")
class WebSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private long memberId;
    private String communeCode;
    /** How it was opened: {@link Sessions#MINI_APP} or {@link Sessions#LOGIN_LINK}. */
    private String openedBy;
    private String csrfToken;
    private Instant createdAt;
    private Instant expiresAt;

    protected WebSession() {
    }

    WebSession(String tokenHash, long memberId, String communeCode, String openedBy, String csrfToken, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.memberId = memberId;
        this.communeCode = communeCode;
        this.openedBy = openedBy;
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long memberId() {
        return memberId;
    }

    String csrfToken() {
        return csrfToken;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
