package vn.communereport.conversation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Where a person is in their conversation; stored so a restart or another instance carries on from here. */
@Entity
class ConversationState {

    enum Mode { IDLE, ANSWERING, REVIEW, CONFIRM_SUBMIT, CONFIRM_OVERWRITE, AWAIT_REOPEN_COMMENT, AWAIT_DEADLINE, CONFIRM_WARNING,
        /** after «Sửa câu»: the member's own version of a block's drafted sentence */
        AWAIT_OWN_SENTENCE,
        AWAIT_LATE_END,
        AWAIT_RETURN_COMMENT,
        /** a kept warning waits for its reason (the value in pendingValue) */
        AWAIT_REASON,
        /** a spreadsheet's figures with warnings wait for the reason they are kept (its reference in context) */
        AWAIT_SHEET_REASON }

    @Id
    private Long memberId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private Long periodId;
    private String questionId;
    private Long shownVersion;
    private String pendingValue;
    private String narrativeDraft;
    private String context;
    private boolean returnToReview;
    private Instant updatedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected ConversationState() {
    }

    ConversationState(Long memberId, Instant createdAt) {
        this.memberId = memberId;
        this.mode = Mode.IDLE;
        this.updatedAt = createdAt;
    }

    Mode mode() {
        return mode;
    }

    Long periodId() {
        return periodId;
    }

    String questionId() {
        return questionId;
    }

    Long shownVersion() {
        return shownVersion;
    }

    String pendingValue() {
        return pendingValue;
    }

    String narrativeDraft() {
        return narrativeDraft;
    }

    String context() {
        return context;
    }

    boolean returnToReview() {
        return returnToReview;
    }

    void asking(long periodId, String questionId, Long shownVersion) {
        boolean sameQuestion = questionId.equals(this.questionId) && Long.valueOf(periodId).equals(this.periodId);
        this.mode = Mode.ANSWERING;
        this.periodId = periodId;
        this.questionId = questionId;
        this.shownVersion = shownVersion;
        this.pendingValue = null;
        if (!sameQuestion) {
            this.narrativeDraft = null;
        }
    }

    void to(Mode mode) {
        this.mode = mode;
    }

    void reviewing(long periodId) {
        this.mode = Mode.REVIEW;
        this.periodId = periodId;
        this.returnToReview = false;
        this.pendingValue = null;
    }

    void confirmOverwrite(String pendingValue) {
        this.mode = Mode.CONFIRM_OVERWRITE;
        this.pendingValue = pendingValue;
    }

    void confirmWarning(String pendingValue) {
        this.mode = Mode.CONFIRM_WARNING;
        this.pendingValue = pendingValue;
    }

    /** The value kept despite its warnings waits for the reason. */
    void awaitReason(String pendingValue) {
        this.mode = Mode.AWAIT_REASON;
        this.pendingValue = pendingValue;
    }

    /** A kept spreadsheet (by its reference) waits for the reason its figures with warnings are kept. */
    void awaitSheetReason(String reference) {
        this.mode = Mode.AWAIT_SHEET_REASON;
        this.context = reference;
    }

    void draft(String draft) {
        this.narrativeDraft = draft;
    }

    void returnToReview(boolean value) {
        this.returnToReview = value;
    }

    void awaitReopenComment(String departmentCode) {
        this.mode = Mode.AWAIT_REOPEN_COMMENT;
        this.context = departmentCode;
    }

    /** The head returns a part: its comment comes next ({@code reference}: the submission, "id-version"). */
    void awaitReturnComment(String reference) {
        this.mode = Mode.AWAIT_RETURN_COMMENT;
        this.context = reference;
    }

    void awaitDeadline(String periodKey) {
        this.mode = Mode.AWAIT_DEADLINE;
        this.context = periodKey;
    }

    /** The office chose a department to let enter late; the end day is asked next. */
    void awaitLateEnd(String departmentCode) {
        this.mode = Mode.AWAIT_LATE_END;
        this.context = departmentCode;
    }

    void idle() {
        this.mode = Mode.IDLE;
        this.context = null;
        this.pendingValue = null;
    }

    void touched(Instant at) {
        this.updatedAt = at;
    }
}
