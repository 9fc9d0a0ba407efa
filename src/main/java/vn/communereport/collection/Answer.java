package vn.communereport.collection;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The stored answer to one question in one period; the version guards against stale screens. */
@Entity
public class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String questionId;
    private String departmentCode;
    private String valueText;
    private BigDecimal valueNumber;
    private boolean skipped;
    private long updatedBy;
    private Instant updatedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected Answer() {
    }

    Answer(Long periodId, String questionId, String departmentCode) {
        this.periodId = periodId;
        this.questionId = questionId;
        this.departmentCode = departmentCode;
    }

    public Long getId() {
        return id;
    }

    public Long getPeriodId() {
        return periodId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public AnswerValue value() {
        return skipped ? AnswerValue.SKIPPED : new AnswerValue(valueText, valueNumber, false);
    }

    public long getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    void set(AnswerValue value, long memberId, Instant at) {
        this.valueText = value.text();
        this.valueNumber = value.number();
        this.skipped = value.skipped();
        this.updatedBy = memberId;
        this.updatedAt = at;
    }
}
