package vn.communereport.spreadsheet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a template is for: commune, report, period and department. Kept as key/value rows in a very hidden sheet,
 * which Excel and LibreOffice keep when they save the file again (LibreOffice turns it merely hidden).
 */
record SheetIdentity(String communeCode, String reportCode, String periodKey, long periodId, String departmentCode) {

    static final String SHEET = "id";
    private static final String FORMAT = "vn.communereport.part-sheet";
    private static final String VERSION = "1";

    void writeTo(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.createSheet(SHEET);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", FORMAT);
        values.put("version", VERSION);
        values.put("commune", communeCode);
        values.put("report", reportCode);
        values.put("period", periodKey);
        values.put("period-id", String.valueOf(periodId));
        values.put("department", departmentCode);
        int r = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(entry.getKey());
            row.createCell(1).setCellValue(entry.getValue());
        }
        sheet.enableLocking();
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /** The identity a workbook carries, if it is a template of this format. */
    static Optional<SheetIdentity> readFrom(Workbook workbook) {
        Sheet sheet = workbook.getSheet(SHEET);
        if (sheet == null) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Row row : sheet) {
            String key = text(row.getCell(0));
            if (key != null) {
                values.put(key, text(row.getCell(1)));
            }
        }
        if (!FORMAT.equals(values.get("format")) || !VERSION.equals(values.get("version"))) {
            return Optional.empty();
        }
        try {
            SheetIdentity identity = new SheetIdentity(values.get("commune"), values.get("report"), values.get("period"),
                    Long.parseLong(values.getOrDefault("period-id", "")), values.get("department"));
            boolean complete = identity.communeCode() != null && identity.reportCode() != null && identity.periodKey() != null
                    && identity.departmentCode() != null;
            return complete ? Optional.of(identity) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A cell's text; a number some program turned the id into (5 → 5.0) is read back as the whole number. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (type == CellType.NUMERIC) {
            double number = cell.getNumericCellValue();
            return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
        }
        return null;
    }
}
