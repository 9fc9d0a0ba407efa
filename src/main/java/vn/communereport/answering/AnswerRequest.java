package vn.communereport.answering;

import vn.communereport.access.Member;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;

/**
 * One answer to store: who gives it, for which question of which period, the version of the stored answer
 * the person was shown (null if none), whether they chose to replace a colleague's newer answer, whether they
 * confirmed the warnings (a rule's, or last period's figure) and the reason they gave for keeping the value anyway.
 * Warnings are accepted only with a reason: {@link #withWarningsAccepted(String)} is the one way to accept them.
 */
public record AnswerRequest(Member member, ReportingPeriod period, Question question, AnswerInput input,
                            Long shownVersion, boolean overwrite, boolean warningsAccepted, String reason) {

    public static AnswerRequest of(Member member, ReportingPeriod period, Question question, AnswerInput input, Long shownVersion) {
        return new AnswerRequest(member, period, question, input, shownVersion, false, false, null);
    }

    public AnswerRequest withOverwrite() {
        return new AnswerRequest(member, period, question, input, shownVersion, true, warningsAccepted, reason);
    }

    /**
     * The person keeps the value despite its warnings, for this reason (as they typed it). A reason that is missing,
     * too short or too long makes the outcome {@link AnswerOutcome.NeedsReason} and nothing is stored.
     */
    public AnswerRequest withWarningsAccepted(String reason) {
        return new AnswerRequest(member, period, question, input, shownVersion, overwrite, true, reason);
    }
}
