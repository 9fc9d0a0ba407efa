package vn.communereport.report;

/**
 * What one department still owes: figures (table rows) and narrative blocks with no answer yet, and whether
 * its part is handed in.
 *
 * @param description one line for the office, worded when the report is compiled:
 *                    "Phòng Kinh tế: 3 số liệu, 1 mục lời văn (chưa nộp)"
 */
public record MissingPart(String departmentCode, String departmentName, int missingFigures, int missingBlocks,
                          boolean submitted, String description) {

    public int total() {
        return missingFigures + missingBlocks;
    }
}
