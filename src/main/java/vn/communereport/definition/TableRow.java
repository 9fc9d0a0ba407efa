package vn.communereport.definition;

/** One row of the report's statistics table (its title is the report definition's {@code table.title}). */
public record TableRow(String code, String stt, String label, String unit, Kind kind, Compute compute) {

    public enum Kind {
        /** Bold section row (I … VII), no value. */
        SECTION,
        /** Heading inside a section, no value. */
        GROUP,
        /** A figure some department answers. */
        FIGURE,
        /** A rate computed from other rows. */
        COMPUTED
    }

    public boolean carriesValue() {
        return kind == Kind.FIGURE || kind == Kind.COMPUTED;
    }
}
