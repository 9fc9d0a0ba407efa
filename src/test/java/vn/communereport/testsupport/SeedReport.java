package vn.communereport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.TableRow;

/** The seed report's statistics table, read from ../shared/seed, as values keyed by the definition's row codes. */
public final class SeedReport {

    public static final Path FILE = Path.of("../shared/seed/000_dedb81eabae87168.txt");

    private SeedReport() {
    }

    /** Row code → the value the seed prints ("2.654", "99,7", "12 chuyên mục, 48 tin", "" when blank). */
    public static Map<String, String> tableValues(ReportDefinition report) {
        List<String> values = new ArrayList<>();
        Pattern line = Pattern.compile("^\\|\\s*([IVX]+\\.?|\\d+(?:\\.\\d+)*)\\s*\\|[^|]*\\|([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);
        Matcher m = line.matcher(text().substring(text().indexOf("BIỂU THỐNG KÊ SỐ LIỆU")));
        while (m.find()) {
            values.add(m.group(3).trim());
        }
        Map<String, String> byCode = new LinkedHashMap<>();
        List<TableRow> rows = report.rows();
        for (int i = 0; i < rows.size(); i++) {
            byCode.put(rows.get(i).code(), values.get(i));
        }
        return byCode;
    }

    public static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
