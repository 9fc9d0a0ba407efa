package vn.communereport.definition;

import java.util.List;

/**
 * The drafted first sentence of a narrative block ({@code draft:} on a section of report.yaml): the table rows it quotes
 * and the sentence with them as placeholders (e.g. "… received {III.3.1} files, …" in the report's own words).
 */
public record SentencePattern(String block, List<String> figures, String sentence) {

    public SentencePattern {
        figures = List.copyOf(figures);
    }
}
