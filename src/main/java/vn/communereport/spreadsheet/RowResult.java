package vn.communereport.spreadsheet;

/**
 * What became of one filled cell of the spreadsheet. {@code place} is the row's number as the report prints it
 * ("III.3.1", or a block's section), {@code value} the value as a person reads it, {@code message} why it was refused, the
 * warnings to confirm, or who changed it meanwhile; {@code line} says all of it in one Vietnamese line.
 */
public record RowResult(String questionId, String place, String label, Status status, String value, String message,
                        String line) {

    public enum Status {
        /** Stored, with its audit entry. */
        STORED,
        /** The file holds what is stored already (or what the template showed): nothing to do. */
        UNCHANGED,
        /** Not an answer (a typing mistake or a broken rule): nothing stored. */
        REFUSED,
        /** A rule's warning: stored only when the import is repeated with confirmation. */
        NEEDS_CONFIRMATION,
        /** A colleague changed it after the template was made: not overwritten. */
        CHANGED_MEANWHILE
    }
}
