package vn.communereport.spreadsheet;

/** A workbook ready to hand to a person: its file name, its bytes and a one-line Vietnamese caption. */
public record SheetFile(String fileName, byte[] content, String caption) {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Override
    public String toString() {
        return "SheetFile[" + fileName + ", " + content.length + " bytes]";
    }
}
