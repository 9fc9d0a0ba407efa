package vn.communereport.spreadsheet;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A file waiting for its sender to confirm the figures with warnings; its reference is "id-token". */
@Entity
class HeldSpreadsheet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String communeCode;
    private long memberId;
    private String token;
    private String fileName;
    private byte[] content;
    private Instant createdAt;

    protected HeldSpreadsheet() {
    }

    HeldSpreadsheet(String communeCode, long memberId, String token, String fileName, byte[] content, Instant createdAt) {
        this.communeCode = communeCode;
        this.memberId = memberId;
        this.token = token;
        this.fileName = fileName;
        this.content = content;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getMemberId() {
        return memberId;
    }

    String getToken() {
        return token;
    }

    String getFileName() {
        return fileName;
    }

    byte[] getContent() {
        return content;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String reference() {
        return id + "-" + token;
    }
}
