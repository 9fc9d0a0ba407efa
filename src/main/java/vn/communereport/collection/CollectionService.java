package vn.communereport.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;

/** Stores answers as they arrive, with their history, and hands departments' parts in and back out. */
@Service
public class CollectionService {

    private final AnswerRepository answers;
    private final AnswerChangeRepository changes;
    private final SubmissionRepository submissions;
    private final SubmissionEventRepository submissionEvents;
    private final PeriodRepository periods;
    private final Clock clock;
    private final EntryLock entryLock;

    CollectionService(AnswerRepository answers, AnswerChangeRepository changes, SubmissionRepository submissions,
                      SubmissionEventRepository submissionEvents, PeriodRepository periods, Clock clock, EntryLock entryLock) {
        this.entryLock = entryLock;
        this.answers = answers;
        this.changes = changes;
        this.submissions = submissions;
        this.submissionEvents = submissionEvents;
        this.periods = periods;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Answer> answer(long periodId, String questionId) {
        return answers.findByPeriodIdAndQuestionId(periodId, questionId);
    }

    @Transactional(readOnly = true)
    public Map<String, Answer> departmentAnswers(long periodId, String departmentCode) {
        return answers.findByPeriodIdAndDepartmentCode(periodId, departmentCode).stream()
                .collect(Collectors.toMap(Answer::getQuestionId, a -> a));
    }

    @Transactional(readOnly = true)
    public Map<String, Answer> periodAnswers(long periodId) {
        return answers.findByPeriodId(periodId).stream().collect(Collectors.toMap(Answer::getQuestionId, a -> a));
    }

    /**
     * Stores an answer. {@code shownVersion} is the version the person saw when the question was put to them
     * (null if there was no answer then); a newer answer by someone else is never silently overwritten
     * unless {@code overwrite} says the person chose to.
     */
    @Transactional
    public SaveOutcome save(ReportingPeriod period, Question question, AnswerValue value, long memberId,
                            Long shownVersion, boolean overwrite) {
        return save(period, question, value, memberId, shownVersion, overwrite, null);
    }

    /** The same, with the reason the member gave for keeping a value a warning questioned (stored with the change). */
    @Transactional
    public SaveOutcome save(ReportingPeriod period, Question question, AnswerValue value, long memberId,
                            Long shownVersion, boolean overwrite, String reason) {
        if (!period.isOpen() || isSubmitted(period.getId(), question.departmentCode())
                || entryLock.lockedNow(period, question.departmentCode())) {
            return new SaveOutcome(SaveOutcome.Kind.LOCKED, answers.findByPeriodIdAndQuestionId(period.getId(), question.id()).orElse(null));
        }
        Instant now = clock.instant();
        Optional<Answer> existing = answers.findByPeriodIdAndQuestionId(period.getId(), question.id());
        if (existing.isPresent()) {
            Answer answer = existing.get();
            boolean changedSinceShown = !Objects.equals(shownVersion, answer.getVersion());
            if (changedSinceShown && answer.getUpdatedBy() != memberId && !overwrite) {
                return new SaveOutcome(SaveOutcome.Kind.STALE, answer);
            }
            AnswerValue old = answer.value();
            if (old.sameAs(value)) {
                if (reason != null) {
                    // the same value kept again, now with a reason: the reason is recorded, the answer is unchanged
                    changes.save(new AnswerChange(answer, old.auditForm(), value.auditForm(), memberId, now, reason));
                }
                return new SaveOutcome(SaveOutcome.Kind.SAVED, answer);
            }
            answer.set(value, memberId, now);
            answers.saveAndFlush(answer);
            changes.save(new AnswerChange(answer, old.auditForm(), value.auditForm(), memberId, now, reason));
            return new SaveOutcome(SaveOutcome.Kind.SAVED, answer);
        }
        Answer answer = new Answer(period.getId(), question.id(), question.departmentCode());
        answer.set(value, memberId, now);
        answers.saveAndFlush(answer);
        changes.save(new AnswerChange(answer, null, value.auditForm(), memberId, now, reason));
        return new SaveOutcome(SaveOutcome.Kind.SAVED, answer);
    }

    /**
     * One change of an answer: who, when, from what, to what (values in their stored, canonical form), and the reason
     * the member gave for keeping a value a warning questioned (null when none was asked).
     */
    public record Change(String oldValue, String newValue, long changedBy, Instant changedAt, String reason) {
    }

    @Transactional(readOnly = true)
    public List<Change> history(long periodId, String questionId) {
        return changes.findByPeriodIdAndQuestionIdOrderByIdAsc(periodId, questionId).stream()
                .map(c -> new Change(c.getOldValue(), c.getNewValue(), c.getChangedBy(), c.getChangedAt(), c.getReason())).toList();
    }

    /** The histories of these questions in the period, by question id, each oldest first (one query for a whole part). */
    @Transactional(readOnly = true)
    public Map<String, List<Change>> histories(long periodId, Collection<String> questionIds) {
        Map<String, List<Change>> byQuestion = new HashMap<>();
        if (questionIds.isEmpty()) {
            return byQuestion;
        }
        for (AnswerChange c : changes.findByPeriodIdAndQuestionIdInOrderByIdAsc(periodId, questionIds)) {
            byQuestion.computeIfAbsent(c.getQuestionId(), id -> new ArrayList<>())
                    .add(new Change(c.getOldValue(), c.getNewValue(), c.getChangedBy(), c.getChangedAt(), c.getReason()));
        }
        return byQuestion;
    }

    /**
     * The reasons that stand for these questions' current values: the latest change of each, where it carries a
     * reason (a later change without one means the value the reason explained is gone).
     */
    @Transactional(readOnly = true)
    public Map<String, Change> keptReasons(long periodId, Collection<String> questionIds) {
        Map<String, Change> kept = new HashMap<>();
        histories(periodId, questionIds).forEach((questionId, history) -> {
            Change last = history.get(history.size() - 1);
            if (last.reason() != null) {
                kept.put(questionId, last);
            }
        });
        return kept;
    }

    /** Records a change to the period itself (opened, deadline set, closed) in the audit trail. */
    @Transactional
    public void recordPeriodEvent(ReportingPeriod period, String event, long memberId, String comment) {
        submissionEvents.save(new SubmissionEvent(period.getId(), "*", event, memberId, comment, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Submission> submission(long periodId, String departmentCode) {
        return submissions.findByPeriodIdAndDepartmentCode(periodId, departmentCode);
    }

    @Transactional(readOnly = true)
    public boolean isSubmitted(long periodId, String departmentCode) {
        return submission(periodId, departmentCode).map(Submission::isSubmitted).orElse(false);
    }

    /** Whether the department's part counts as in: handed in and, where its head's approval was asked, approved. */
    @Transactional(readOnly = true)
    public boolean isIn(long periodId, String departmentCode) {
        return submission(periodId, departmentCode).map(Submission::isIn).orElse(false);
    }

    /** How many of these departments' parts count as in for the period (handed in and approved where asked). */
    @Transactional(readOnly = true)
    public long submittedCount(long periodId, Collection<String> departmentCodes) {
        return submissions.findByPeriodId(periodId).stream()
                .filter(s -> s.isIn() && departmentCodes.contains(s.getDepartmentCode())).count();
    }

    /** The stored answers to these questions in the period, by question id. */
    @Transactional(readOnly = true)
    public Map<String, Answer> answers(long periodId, Collection<String> questionIds) {
        if (questionIds.isEmpty()) {
            return Map.of();
        }
        return answers.findByPeriodIdAndQuestionIdIn(periodId, questionIds).stream()
                .collect(Collectors.toMap(Answer::getQuestionId, a -> a));
    }

    /** Questions of a flow that still need an answer (skipped optional ones count as answered). */
    public List<Question> missingRequired(Flow flow, Map<String, Answer> stored) {
        List<Question> missing = new ArrayList<>();
        for (Question question : flow.questions()) {
            Answer answer = stored.get(question.id());
            boolean answered = answer != null && (!answer.value().skipped() || question.optional());
            if (!answered) {
                missing.add(question);
            }
        }
        return missing;
    }

    public record SubmitResult(boolean submitted, boolean allInNow) {
    }

    /**
     * Hands a department's part in. Returns whether this was the last part, claimed once per period so the
     * office is told exactly once (again after a reopened part comes back).
     */
    @Transactional
    public SubmitResult submit(ReportingPeriod period, String departmentCode, long memberId, Collection<String> allDepartments) {
        return submit(period, departmentCode, memberId, allDepartments, false);
    }

    /**
     * Hands a department's part in; with {@code awaitApproval} it is locked but counts as in only once its head approves
     * it ({@link PartApprovals}).
     */
    @Transactional
    public SubmitResult submit(ReportingPeriod period, String departmentCode, long memberId, Collection<String> allDepartments,
                               boolean awaitApproval) {
        // Two last parts handed in at once would each miss the other's uncommitted submission, and nobody would
        // tell the office that everything is in: submissions of a period take turns. The status is read after the
        // lock, so a period closed meanwhile is seen closed.
        periods.lockById(period.getId());
        if (periods.statusOf(period.getId()).orElse(ReportingPeriod.Status.CLOSED) != ReportingPeriod.Status.OPEN
                || entryLock.lockedNow(period, departmentCode)) {
            return new SubmitResult(false, false);
        }
        Submission submission = submissions.findByPeriodIdAndDepartmentCode(period.getId(), departmentCode)
                .orElseGet(() -> new Submission(period.getId(), departmentCode));
        if (submission.isSubmitted()) {
            return new SubmitResult(false, false);
        }
        Instant now = clock.instant();
        submission.submit(memberId, now);
        if (awaitApproval) {
            submission.awaitApproval();
        }
        submissions.saveAndFlush(submission);
        submissionEvents.save(new SubmissionEvent(period.getId(), departmentCode, "SUBMITTED", memberId, null, now));
        return new SubmitResult(true, claimAllIn(period, allDepartments, now));
    }

    /** Whether every part now counts as in; true for one caller only, who tells the office. */
    boolean claimAllIn(ReportingPeriod period, Collection<String> allDepartments, Instant now) {
        Set<String> in = submissions.findByPeriodId(period.getId()).stream()
                .filter(Submission::isIn).map(Submission::getDepartmentCode).collect(Collectors.toSet());
        return in.containsAll(allDepartments) && periods.claimAllInNotice(period.getId(), now) == 1;
    }

    /** Unlocks a submitted part with the office's comment. */
    @Transactional
    public boolean reopen(ReportingPeriod period, String departmentCode, long adminId, String comment) {
        Optional<Submission> found = submissions.findByPeriodIdAndDepartmentCode(period.getId(), departmentCode);
        if (found.isEmpty() || !found.get().isSubmitted()) {
            return false;
        }
        Instant now = clock.instant();
        found.get().reopen(adminId, now, comment);
        submissions.saveAndFlush(found.get());
        submissionEvents.save(new SubmissionEvent(period.getId(), departmentCode, "REOPENED", adminId, comment, now));
        periods.releaseAllInNotice(period.getId());
        return true;
    }

    @Transactional(readOnly = true)
    public List<DepartmentProgress> progress(ReportingPeriod period, Collection<Flow> flows) {
        Map<String, Submission> byDepartment = new HashMap<>();
        submissions.findByPeriodId(period.getId()).forEach(s -> byDepartment.put(s.getDepartmentCode(), s));
        List<DepartmentProgress> result = new ArrayList<>();
        for (Flow flow : flows) {
            Map<String, Answer> stored = departmentAnswers(period.getId(), flow.departmentCode());
            int answered = flow.size() - missingRequired(flow, stored).size();
            Submission submission = byDepartment.get(flow.departmentCode());
            DepartmentProgress.State state;
            if (submission != null && submission.awaitsApproval()) {
                state = DepartmentProgress.State.AWAITING_APPROVAL;
            } else if (submission != null && submission.isSubmitted()) {
                state = DepartmentProgress.State.SUBMITTED;
            } else if (submission != null) {
                state = DepartmentProgress.State.REOPENED;
            } else if (stored.isEmpty()) {
                state = DepartmentProgress.State.NOT_STARTED;
            } else {
                state = DepartmentProgress.State.ANSWERING;
            }
            Instant inAt = state != DepartmentProgress.State.SUBMITTED ? null
                    : submission.getApproval() == Submission.Approval.APPROVED ? submission.getApprovedAt() : submission.getSubmittedAt();
            result.add(new DepartmentProgress(flow.departmentCode(), answered, flow.size(), state,
                    submission == null ? null : submission.getSubmittedBy(),
                    submission == null ? null : submission.getSubmittedAt(), inAt));
        }
        return result;
    }
}
