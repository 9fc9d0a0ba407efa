package vn.communereport.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department head's decision on a submitted part that waits for it: approved, it counts as in (and may be the
 * last one in); returned with a comment, it reopens for the department. A decision is taken on the very submission
 * it was asked for ({@code version}): one already decided, reopened or handed in again changes nothing.
 */
@Service
public class PartApprovals {

    public enum Outcome { APPROVED, RETURNED, NOT_WAITING, PERIOD_CLOSED }

    /** {@code allInNow}: this approval made every part count as in, and this caller tells the office (once). */
    public record Decision(Outcome outcome, Submission submission, boolean allInNow) {
    }

    private final SubmissionRepository submissions;
    private final SubmissionEventRepository events;
    private final PeriodRepository periods;
    private final CollectionService collection;
    private final EntityManager entities;
    private final Clock clock;

    PartApprovals(SubmissionRepository submissions, SubmissionEventRepository events, PeriodRepository periods,
                  CollectionService collection, EntityManager entities, Clock clock) {
        this.entities = entities;
        this.submissions = submissions;
        this.events = events;
        this.periods = periods;
        this.collection = collection;
        this.clock = clock;
    }

    /** A submission by its id, whatever its state (the caller checks whose it is). */
    @Transactional(readOnly = true)
    public Optional<Submission> submission(long submissionId) {
        return submissions.findById(submissionId);
    }

    /** Whether the department's part of the period is handed in and waits for its head. */
    @Transactional(readOnly = true)
    public boolean awaitsApproval(long periodId, String departmentCode) {
        return submissions.findByPeriodIdAndDepartmentCode(periodId, departmentCode).map(Submission::awaitsApproval).orElse(false);
    }

    /** The head approves the part as submitted in {@code version}; {@code allDepartments}: those that owe a part. */
    @Transactional
    public Decision approve(long submissionId, long version, long approverId, Collection<String> allDepartments) {
        Optional<Submission> waiting = waiting(submissionId, version);
        if (waiting.isEmpty()) {
            return new Decision(Outcome.NOT_WAITING, null, false);
        }
        Submission submission = waiting.get();
        ReportingPeriod period = periods.findById(submission.getPeriodId()).orElseThrow();
        if (!period.isOpen()) {
            return new Decision(Outcome.PERIOD_CLOSED, submission, false);
        }
        Instant now = clock.instant();
        submission.approve(approverId, now);
        submissions.saveAndFlush(submission);
        events.save(new SubmissionEvent(period.getId(), submission.getDepartmentCode(), "APPROVED", approverId, null, now));
        return new Decision(Outcome.APPROVED, submission, collection.claimAllIn(period, allDepartments, now));
    }

    /** The head returns the part as submitted in {@code version} with a comment; it reopens for the department. */
    @Transactional
    public Decision giveBack(long submissionId, long version, long headId, String comment) {
        Optional<Submission> waiting = waiting(submissionId, version);
        if (waiting.isEmpty()) {
            return new Decision(Outcome.NOT_WAITING, null, false);
        }
        Submission submission = waiting.get();
        ReportingPeriod period = periods.findById(submission.getPeriodId()).orElseThrow();
        if (!period.isOpen()) {
            return new Decision(Outcome.PERIOD_CLOSED, submission, false);
        }
        Instant now = clock.instant();
        submission.reopen(headId, now, comment);
        submissions.saveAndFlush(submission);
        events.save(new SubmissionEvent(period.getId(), submission.getDepartmentCode(), "RETURNED", headId, comment, now));
        return new Decision(Outcome.RETURNED, submission, false);
    }

    /** The submission, if it still waits for approval exactly as it was when the button was made. */
    private Optional<Submission> waiting(long submissionId, long version) {
        Optional<Submission> found = submissions.findById(submissionId);
        if (found.isEmpty()) {
            return found;
        }
        // Decisions on one period take turns with its submissions, so the last part approved tells the office once.
        periods.lockById(found.get().getPeriodId());
        entities.refresh(found.get());
        return found.filter(s -> s.awaitsApproval() && s.getVersion() == version);
    }
}
