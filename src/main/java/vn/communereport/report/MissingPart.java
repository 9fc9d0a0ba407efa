package vn.communereport.report;

/**
 * What one department still owes: figures (table rows) and narrative blocks with no answer yet, and whether
 * its part is handed in.
 */
public record MissingPart(String departmentCode, String departmentName, int missingFigures, int missingBlocks,
                          boolean submitted) {

    public int total() {
        return missingFigures + missingBlocks;
    }

    /** "Phòng Kinh tế: 3 số liệu, 1 mục lời văn (chưa nộp)". */
    public String description() {
        StringBuilder text = new StringBuilder(departmentName).append(": ");
        if (total() == 0) {
            text.append("đủ nội dung");
        } else {
            if (missingFigures > 0) {
                text.append(missingFigures).append(" số liệu");
            }
            if (missingBlocks > 0) {
                text.append(missingFigures > 0 ? ", " : "").append(missingBlocks).append(" mục lời văn");
            }
        }
        return text.append(submitted ? " (đã nộp)" : " (chưa nộp)").toString();
    }
}
