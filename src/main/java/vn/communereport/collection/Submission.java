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

    /** A submitted part waiting for its department head, or approved by them; null where no approval was asked. */
    public enum Approval { PENDING, APPROVED }

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
    @Enumerated(EnumType.STRING)
    private Approval approval;
    private Long approvedBy;
    private Instant approvedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected Submission() {
    }

    Submission(Long periodId, String departmentCode) {
        this.periodId = periodId;
        this.departmentCode = departmentCode;
    }

    public Long getId() {
        return id;
    }

    /** Changes with every submission, approval and reopening: what a button about this part was made for. */
    public long getVersion() {
        return version;
    }

    public Long getPeriodId() {
        return periodId;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    /** Handed in and, where the head's approval was asked, approved: the part counts as in. */
    public boolean isIn() {
        return isSubmitted() && approval != Approval.PENDING;
    }

    /** Handed in and waiting for the department head's approval (locked meanwhile). */
    public boolean awaitsApproval() {
        return isSubmitted() && approval == Approval.PENDING;
    }

    public Approval getApproval() {
        return approval;
    }

    public Long getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
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
        this.approval = null;
        this.approvedBy = null;
        this.approvedAt = null;
    }

    void awaitApproval() {
        this.approval = Approval.PENDING;
    }

    void approve(long memberId, Instant at) {
        this.approval = Approval.APPROVED;
        this.approvedBy = memberId;
        this.approvedAt = at;
    }

    void reopen(long memberId, Instant at, String comment) {
        this.status = Status.REOPENED;
        this.reopenedBy = memberId;
        this.reopenedAt = at;
        this.reopenComment = comment;
    }
}
