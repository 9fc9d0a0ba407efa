package vn.communereport.collection;

/** What happened to an answer that was sent. */
public record SaveOutcome(Kind kind, Answer current) {

    public enum Kind {
        SAVED,
        /** Someone else changed the answer after this person's question was shown. */
        STALE,
        /** The part is submitted or the period closed. */
        LOCKED
    }
}
