package vn.communereport.definition;

import java.util.Map;
import java.util.Optional;

/** The drafted sentences of a report, by the block they open; most blocks have none. */
public record SentencePatterns(Map<String, SentencePattern> byBlock) {

    public SentencePatterns {
        byBlock = Map.copyOf(byBlock);
    }

    public static SentencePatterns none() {
        return new SentencePatterns(Map.of());
    }

    public Optional<SentencePattern> of(String block) {
        return Optional.ofNullable(block == null ? null : byBlock.get(block));
    }
}
