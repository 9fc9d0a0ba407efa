package vn.communereport.definition;

/**
 * A place in the report that one question fills: a row of the statistics table ({@code bieu:III.3.1})
 * or a narrative block ({@code muc:II.2.2}).
 */
public record Slot(Kind kind, String ref) {

    public enum Kind { TABLE_ROW, BLOCK }

    static final String TABLE_PREFIX = "bieu:";
    static final String BLOCK_PREFIX = "muc:";

    public static Slot parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith(TABLE_PREFIX)) {
            return new Slot(Kind.TABLE_ROW, trimmed.substring(TABLE_PREFIX.length()).trim());
        }
        if (trimmed.startsWith(BLOCK_PREFIX)) {
            return new Slot(Kind.BLOCK, trimmed.substring(BLOCK_PREFIX.length()).trim());
        }
        return null;
    }

    @Override
    public String toString() {
        return (kind == Kind.TABLE_ROW ? TABLE_PREFIX : BLOCK_PREFIX) + ref;
    }
}
