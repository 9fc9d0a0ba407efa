package vn.communereport.spreadsheet;

/**
 * Where things are in the template, for the writer and the reader alike. Each sheet keeps, in hidden columns of
 * each question's row, the question's id, the version of the answer it showed and that answer's fingerprint.
 */
final class SheetColumns {

    /** 0-based index of the header row; questions and headings start on the next row. */
    static final int HEADER_ROW = 3;

    // The figures sheet.
    static final int STT = 0;
    static final int LABEL = 1;
    static final int UNIT = 2;
    static final int PREVIOUS = 3;
    static final int CURRENT = 4;
    static final int NOTE = 5;
    static final int FIGURE_META = 6;
    /** Widths in characters of the default font. */
    static final int[] FIGURE_WIDTHS = {10, 50, 12, 16, 16, 34};

    // The narratives sheet.
    static final int BLOCK = 0;
    static final int BLOCK_TITLE = 1;
    static final int CONTENT = 2;
    static final int NARRATIVE_META = 3;
    static final int[] NARRATIVE_WIDTHS = {9, 44, 92};

    // Offsets from a sheet's first hidden column.
    static final int QUESTION_ID = 0;
    static final int VERSION = 1;
    static final int FINGERPRINT = 2;

    private SheetColumns() {
    }
}
