package vn.communereport.collection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One line of an answer's history: who changed it, when, from what to what. */
@Entity
class AnswerChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long answerId;
    private Long periodId;
    private String questionId;
    private String oldValue;
    private String newValue;
    private long changedBy;
    private Instant changedAt;
    /** Why the member kept a value that a warning rule or last period's figure questioned; null otherwise. */
    private String reason;

    protected AnswerChange() {
    }

    String getQuestionId() {
        return questionId;
    }

    String getOldValue() {
        return oldValue;
    }

    String getNewValue() {
        return newValue;
    }

    long getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    String getReason() {
        return reason;
    }

    AnswerChange(Answer answer, String oldValue, String newValue, long changedBy, Instant changedAt, String reason) {
        this.answerId = answer.getId();
        this.periodId = answer.getPeriodId();
        this.questionId = answer.getQuestionId();
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason;
    }
}
