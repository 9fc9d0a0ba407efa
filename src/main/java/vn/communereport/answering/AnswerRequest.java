package vn.communereport.answering;

import vn.communereport.access.Member;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;

/**
 * One answer to store: who gives it, for which question of which period, the version of the stored answer
 * the person was shown (null if none), whether they chose to replace a colleague's newer answer and whether
 * they confirmed the rules' warnings.
 */
public record AnswerRequest(Member member, ReportingPeriod period, Question question, AnswerInput input,
                            Long shownVersion, boolean overwrite, boolean warningsAccepted) {

    public static AnswerRequest of(Member member, ReportingPeriod period, Question question, AnswerInput input, Long shownVersion) {
        return new AnswerRequest(member, period, question, input, shownVersion, false, false);
    }

    public AnswerRequest withOverwrite() {
        return new AnswerRequest(member, period, question, input, shownVersion, true, warningsAccepted);
    }

    public AnswerRequest withWarningsAccepted() {
        return new AnswerRequest(member, period, question, input, shownVersion, overwrite, true);
    }
}
