package vn.communereport.web.form;

import java.util.List;
import java.util.Map;

/** What the form's script sends and receives. */
final class FormJson {

    private FormJson() {
    }

    /**
     * One field to save: the period and version the page was showing, the text typed (or {@code skip}), whether the
     * person confirmed the rules' warnings (with the reason they keep the value for) or chose to replace a colleague's
     * newer value.
     */
    record Save(Long period, String q, String value, Long version, Boolean confirm, Boolean overwrite, Boolean skip, String reason) {

        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }

        boolean overwriting() {
            return Boolean.TRUE.equals(overwrite);
        }

        boolean skipping() {
            return Boolean.TRUE.equals(skip);
        }
    }

    /** A stored answer: its version, the field's text, how it reads, and who changed it when. */
    record Stored(String q, long v, String value, String shown, boolean skipped, String who, String when) {
    }

    /**
     * What came of a save: {@code state} is saved, refused, confirm (a warning to confirm with a reason), reason (the
     * confirmation came without a reason that can be taken), changed (a colleague's
     * newer value, in {@code theirs}), locked or error; {@code message} says it in Vietnamese.
     */
    record Saved(String state, String message, Stored answer, Stored theirs, Progress progress, Map<String, String> rates) {

        static Saved problem(String state, String message) {
            return new Saved(state, message, null, null, null, null);
        }
    }

    record Progress(int done, int total) {
    }

    /** Answers changed since {@code since}, and where the part stands; {@code now} is the next poll's {@code since}. */
    record Changes(long now, List<Stored> answers, Progress progress, Map<String, String> rates, String locked) {
    }
}
