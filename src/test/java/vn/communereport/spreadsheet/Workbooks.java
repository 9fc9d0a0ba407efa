package vn.communereport.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A person filling the template, as POI lets a test do it: find a question's row, type into its cell, save. */
final class Workbooks {

    private Workbooks() {
    }

    /** Question id → the row's value cell, for both sheets. */
    static Map<String, Cell> valueCells(XSSFWorkbook wb) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        collect(wb.getSheetAt(0), SheetColumns.CURRENT, SheetColumns.FIGURE_META, cells);
        collect(wb.getSheetAt(1), SheetColumns.CONTENT, SheetColumns.NARRATIVE_META, cells);
        return cells;
    }

    /** Question ids in the order of a sheet's rows. */
    static List<String> questionIds(Sheet sheet, int meta) {
        List<String> ids = new ArrayList<>();
        for (Row row : sheet) {
            Cell id = row.getCell(meta + SheetColumns.QUESTION_ID);
            if (row.getRowNum() > SheetColumns.HEADER_ROW && id != null && !id.getStringCellValue().isBlank()) {
                ids.add(id.getStringCellValue());
            }
        }
        return ids;
    }

    private static void collect(Sheet sheet, int valueColumn, int meta, Map<String, Cell> into) {
        for (Row row : sheet) {
            Cell id = row.getCell(meta + SheetColumns.QUESTION_ID);
            if (row.getRowNum() > SheetColumns.HEADER_ROW && id != null && !id.getStringCellValue().isBlank()) {
                into.put(id.getStringCellValue(), row.getCell(valueColumn));
            }
        }
    }

    static XSSFWorkbook open(byte[] file) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with the changes the person made. */
    static byte[] edit(byte[] file, Consumer<XSSFWorkbook> changes) {
        try (XSSFWorkbook wb = open(file); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            changes.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean libreOfficeAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "libreoffice"))) {
                return true;
            }
        }
        return false;
    }

    /** Has LibreOffice open the file and save it again as XLSX (or as another format), as a clerk's LibreOffice would. */
    static byte[] throughLibreOffice(byte[] file, Path work, String format) {
        try {
            Path in = work.resolve("in-" + System.nanoTime() + ".xlsx");
            Files.write(in, file);
            Path out = work.resolve("out-" + System.nanoTime());
            Files.createDirectories(out);
            Process process = new ProcessBuilder("libreoffice", "-env:UserInstallation=file://" + work.resolve("lo-profile").toAbsolutePath(),
                    "--headless", "--convert-to", format, "--outdir", out.toString(), in.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("lo.log").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("LibreOffice did not finish in 3 minutes");
            }
            try (var files = Files.list(out)) {
                Path converted = files.findFirst().orElseThrow(() -> new IllegalStateException("LibreOffice wrote nothing: "
                        + readQuietly(work.resolve("lo.log"))));
                return Files.readAllBytes(converted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
