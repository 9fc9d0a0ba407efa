package vn.communereport.report;

/** A document ready to send: its file name, its bytes and a one-line Vietnamese caption. */
public record GeneratedFile(String fileName, byte[] content, String caption) {

    public static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public String contentType() {
        return fileName.endsWith(".xlsx") ? XLSX_TYPE : DOCX_TYPE;
    }

    @Override
    public String toString() {
        return "GeneratedFile[" + fileName + ", " + content.length + " bytes, " + caption + "]";
    }
}
