package vn.communereport.answering;

import java.util.List;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.report.RuleFinding;

/** What became of one answer; every channel shows these in its own way. */
public sealed interface AnswerOutcome {

    /** Stored (or already stored with the same value), with its audit entry. */
    record Stored(AnswerValue value, Answer answer) implements AnswerOutcome {
    }

    /** Not an answer: the reason is a message key with its arguments (a typing mistake or a broken rule). */
    record Refused(String reasonKey, Object... args) implements AnswerOutcome {
    }

    /** Plausible but unusual: stored only once the person confirms. */
    record NeedsConfirmation(AnswerValue value, List<RuleFinding> warnings) implements AnswerOutcome {
    }

    /** Someone else changed the answer after it was shown to this person; nothing was stored. */
    record ChangedMeanwhile(AnswerValue value, Answer current) implements AnswerOutcome {
    }

    /**
     * The part is submitted, the period closed, or entry locked at the deadline plus grace: then {@code lateRefusal}
     * is the sentence naming the deadline (else null).
     */
    record Locked(boolean periodOpen, String lateRefusal) implements AnswerOutcome {

        public Locked(boolean periodOpen) {
            this(periodOpen, null);
        }
    }

    /** The person may not answer this question (not their department or commune). */
    record NotAllowed() implements AnswerOutcome {
    }
}
