package vn.communereport.answering;

import java.util.List;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.report.Outlier;
import vn.communereport.report.RuleFinding;

/** What became of one answer; every channel shows these in its own way. */
public sealed interface AnswerOutcome {

    /** Stored (or already stored with the same value), with its audit entry. */
    record Stored(AnswerValue value, Answer answer) implements AnswerOutcome {
    }

    /** Not an answer: the reason is a message key with its arguments (a typing mistake or a broken rule). */
    record Refused(String reasonKey, Object... args) implements AnswerOutcome {
    }

    /**
     * Plausible but unusual (a rule's warning, or far from last period's figure): stored only once the person confirms
     * and gives a reason.
     */
    record NeedsConfirmation(AnswerValue value, List<RuleFinding> warnings, List<Outlier> outliers) implements AnswerOutcome {

        public NeedsConfirmation(AnswerValue value, List<RuleFinding> warnings) {
            this(value, warnings, List.of());
        }

        /** Every warning in one line each: the rules' first, then last period's. */
        public List<String> descriptions() {
            return describe(warnings, outliers);
        }
    }

    /**
     * The person kept a value despite its warnings without a reason that can be taken; nothing was stored.
     * {@code problemKey} (of {@code i18n/reasons.properties}, with the shortest and longest length as its arguments)
     * says what is wrong with the reason given, or is null when none was given yet.
     */
    record NeedsReason(AnswerValue value, List<String> warnings, String problemKey) implements AnswerOutcome {
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

    static List<String> describe(List<RuleFinding> warnings, List<Outlier> outliers) {
        List<String> lines = new java.util.ArrayList<>();
        warnings.forEach(w -> lines.add(w.description()));
        outliers.forEach(o -> lines.add(o.description()));
        return List.copyOf(lines);
    }
}
