package vn.communereport.report;

import java.util.List;

/**
 * A block's drafted first sentence written from the figures as they stand now. While a figure it quotes is not in,
 * {@code text} is null and {@code missing} names each such row with the departments it waits for
 * ("III.3.2.1 (Trung tâm Phục vụ hành chính công)"). {@code fingerprint} identifies the sentence shown, so a button
 * pressed after the figures changed is told apart.
 */
public record DraftedSentence(String block, String text, List<String> missing, String fingerprint) {

    public DraftedSentence {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return text != null;
    }
}
