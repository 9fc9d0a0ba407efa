package vn.communereport.collection;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Audit of submissions and reopenings. */
@Entity
class SubmissionEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String departmentCode;
    private String event;
    private long memberId;
    private String comment;
    private Instant happenedAt;

    protected SubmissionEvent() {
    }

    SubmissionEvent(Long periodId, String departmentCode, String event, long memberId, String comment, Instant happenedAt) {
        this.periodId = periodId;
        this.departmentCode = departmentCode;
        this.event = event;
        this.memberId = memberId;
        this.comment = comment;
        this.happenedAt = happenedAt;
    }
}
