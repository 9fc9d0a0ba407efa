package vn.communereport.answering;

import java.util.Optional;

/**
 * The reason a member gives for keeping a value that a warning rule or last period's figure questions: a short
 * sentence in their own words, tidied (spaces joined) and checked before anything is stored.
 */
public final class KeptReason {

    /** Fewer characters than this say nothing ("ok", "ừ"). */
    public static final int MIN_LENGTH = 5;
    /** One or two sentences; a longer text belongs in the report's narrative. */
    public static final int MAX_LENGTH = 500;

    private KeptReason() {
    }

    /** The reason as it is stored: trimmed, runs of spaces and line breaks joined into one space; null when blank. */
    public static String clean(String reason) {
        if (reason == null) {
            return null;
        }
        String joined = reason.strip().replaceAll("\\s+", " ");
        return joined.isEmpty() ? null : joined;
    }

    /**
     * Why this reason cannot be taken, as a message key of {@code i18n/reasons.properties} with {@link #MIN_LENGTH}
     * and {@link #MAX_LENGTH} as its arguments; empty when it can.
     */
    public static Optional<String> problem(String reason) {
        String cleaned = clean(reason);
        if (cleaned == null) {
            return Optional.of("reasons.problem.empty");
        }
        if (cleaned.codePointCount(0, cleaned.length()) < MIN_LENGTH || cleaned.codePoints().noneMatch(Character::isLetter)) {
            return Optional.of("reasons.problem.too-short");
        }
        if (cleaned.length() > MAX_LENGTH) {
            return Optional.of("reasons.problem.too-long");
        }
        return Optional.empty();
    }
}
