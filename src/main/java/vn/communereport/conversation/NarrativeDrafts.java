package vn.communereport.conversation;

/** How the parts of a narrative sent in several messages are put together. */
final class NarrativeDrafts {

    private NarrativeDrafts() {
    }

    /**
     * Telegram cuts a long paste into several messages, sometimes mid-sentence: a part that does not end a
     * sentence continues on the same line, otherwise a new paragraph starts.
     */
    static String join(String draft, String next) {
        String end = draft.stripTrailing();
        char last = end.isEmpty() ? '.' : end.charAt(end.length() - 1);
        boolean sentenceEnded = ".!?:;…)\"”".indexOf(last) >= 0;
        boolean startsNewItem = next.startsWith("-") || next.startsWith("+") || next.startsWith("•");
        return end + (sentenceEnded || startsNewItem ? "\n" : " ") + next.strip();
    }
}
