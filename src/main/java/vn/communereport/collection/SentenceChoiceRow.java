package vn.communereport.collection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One period's choice for one block's drafted sentence (table {@code sentence_choice}, V17). */
@Entity
@Table(name = "sentence_choice")
class SentenceChoiceRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String blockRef;
    @Enumerated(EnumType.STRING)
    private SentenceChoice.Kind choice;
    private String ownText;
    private long decidedBy;
    private Instant decidedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected SentenceChoiceRow() {
    }

    SentenceChoiceRow(Long periodId, String blockRef) {
        this.periodId = periodId;
        this.blockRef = blockRef;
    }

    void set(SentenceChoice.Kind choice, String ownText, long memberId, Instant at) {
        this.choice = choice;
        this.ownText = ownText;
        this.decidedBy = memberId;
        this.decidedAt = at;
    }

    SentenceChoice view() {
        return new SentenceChoice(blockRef, choice, ownText, decidedBy, decidedAt);
    }
}
