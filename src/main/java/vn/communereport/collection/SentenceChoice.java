package vn.communereport.collection;

import java.time.Instant;

/**
 * What a member chose for a block's drafted first sentence. {@link Kind#ACCEPTED} keeps no text: the sentence is the
 * definition's pattern written from the figures as they stand; {@link Kind#EDITED} keeps the member's own version.
 */
public record SentenceChoice(String block, Kind kind, String ownText, long decidedBy, Instant decidedAt) {

    public enum Kind { ACCEPTED, EDITED, DROPPED }
}
