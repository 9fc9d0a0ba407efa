package vn.communereport.collection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Whether a department's part of a period is handed in; submitted parts are locked until reopened. */
@Entity
public class Submission {

    public enum Status { SUBMITTED, REOPENED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long periodId;
    private String departmentCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long submittedBy;
    private Instant submittedAt;
    private Long reopenedBy;
    private Instant reopenedAt;
    private String reopenComment;
    @Version
    @Column(nullable = false)
    private long version;

    protected Submission() {
    }

    Submission(Long periodId, String departmentCode) {
        this.periodId = periodId;
        this.departmentCode = departmentCode;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    public Status getStatus() {
        return status;
    }

    public Long getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReopenComment() {
        return reopenComment;
    }

    public Long getReopenedBy() {
        return reopenedBy;
    }

    public Instant getReopenedAt() {
        return reopenedAt;
    }

    void submit(long memberId, Instant at) {
        this.status = Status.SUBMITTED;
        this.submittedBy = memberId;
        this.submittedAt = at;
    }

    void reopen(long memberId, Instant at, String comment) {
        this.status = Status.REOPENED;
        this.reopenedBy = memberId;
        this.reopenedAt = at;
        this.reopenComment = comment;
    }
}
