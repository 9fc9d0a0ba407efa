package vn.communereport.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an uploaded file as a filled template, or says why it cannot be one: not a spreadsheet, an old .xls, a
 * damaged or abnormal zip, a workbook without the template's identity. Nothing here touches the database.
 */
final class TemplateReader {

    /** One question's row: which sheet, the cell's content (null if empty) and what the template showed there. */
    record Filled(String questionId, boolean narrative, int row, CellContent content, Long shownVersion, String shownFingerprint) {
    }

    /** A readable template, or the refusal. */
    record Result(SheetIdentity identity, List<Filled> rows, Refusal refusal) {
    }

    private TemplateReader() {
    }

    static Result read(byte[] file) {
        if (file.length == 0) {
            return refused("sheet.refused.empty");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            return refused("sheet.refused.damaged");
        }
        if (magic == FileMagic.OLE2) {
            return refused("sheet.refused.xls");
        }
        if (magic != FileMagic.OOXML) {
            return refused("sheet.refused.not-xlsx");
        }
        switch (ZipGuard.check(file)) {
            case NOT_ZIP -> {
                return refused("sheet.refused.not-xlsx");
            }
            case DAMAGED -> {
                return refused("sheet.refused.damaged");
            }
            case BOMB -> {
                return refused("sheet.refused.bomb");
            }
            default -> {
            }
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            return refused(bombLike(e) ? "sheet.refused.bomb" : notSpreadsheet(e) ? "sheet.refused.not-xlsx" : "sheet.refused.damaged");
        }
        try (workbook) {
            Optional<SheetIdentity> identity = SheetIdentity.readFrom(workbook);
            if (identity.isEmpty() || workbook.getNumberOfSheets() < 3) {
                return refused("sheet.refused.not-template");
            }
            List<Filled> rows = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            if (!collect(workbook.getSheetAt(0), false, SheetColumns.CURRENT, SheetColumns.FIGURE_META, rows, seen)
                    || !collect(workbook.getSheetAt(1), true, SheetColumns.CONTENT, SheetColumns.NARRATIVE_META, rows, seen)) {
                return refused("sheet.refused.not-template");
            }
            return new Result(identity.get(), rows, null);
        } catch (IOException | RuntimeException e) {
            return refused("sheet.refused.damaged");
        }
    }

    /** The rows of a sheet that name a question; false if a question is named twice (not a template's doing). */
    private static boolean collect(Sheet sheet, boolean narrative, int valueColumn, int meta, List<Filled> rows, Set<String> seen) {
        for (Row row : sheet) {
            if (row.getRowNum() <= SheetColumns.HEADER_ROW) {
                continue;
            }
            String questionId = SheetIdentity.text(row.getCell(meta + SheetColumns.QUESTION_ID));
            if (questionId == null || questionId.isBlank()) {
                continue;
            }
            if (!seen.add(questionId)) {
                return false;
            }
            String version = SheetIdentity.text(row.getCell(meta + SheetColumns.VERSION));
            Long shownVersion;
            try {
                shownVersion = version == null || version.isBlank() ? null : Long.valueOf(version.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            rows.add(new Filled(questionId.trim(), narrative, row.getRowNum(), CellContent.of(row.getCell(valueColumn)), shownVersion,
                    SheetIdentity.text(row.getCell(meta + SheetColumns.FINGERPRINT))));
        }
        return true;
    }

    private static boolean bombLike(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile") || message.contains("exceed"))) {
                return true;
            }
        }
        return false;
    }

    /** A zip that is some other Office file (a .docx) or no Office file at all. */
    private static boolean notSpreadsheet(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    || t instanceof org.apache.poi.ooxml.POIXMLException && t.getMessage() != null && t.getMessage().contains("content type")) {
                return true;
            }
        }
        return false;
    }

    private static Result refused(String key, Object... args) {
        return new Result(null, List.of(), new Refusal(key, args));
    }
}
