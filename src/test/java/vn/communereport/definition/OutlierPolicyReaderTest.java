package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code outliers} of report.yaml as the clerk writes it, and each mistake refused with a clear Vietnamese sentence. */
class OutlierPolicyReaderTest {

    static final Path FILE = Path.of("reports/cchc/report.yaml");
    static final Map<String, TableRow> ROWS = new LinkedHashMap<>();

    static {
        for (TableRow row : List.of(
                new TableRow("III", "III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", null, TableRow.Kind.SECTION, null),
                new TableRow("III.3.1", "3.1", "Tổng số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", TableRow.Kind.FIGURE, null),
                new TableRow("III.3.2", "3.2", "Tỷ lệ giải quyết đúng hạn", "%", TableRow.Kind.COMPUTED, null),
                new TableRow("IV.2.1", "2.1", "Tổng số biên chế được giao", "Người", TableRow.Kind.FIGURE, null))) {
            ROWS.put(row.code(), row);
        }
    }

    static OutlierPolicy read(String yaml) {
        return OutlierPolicyReader.read(new YamlNode(FILE, null, new Yaml().load(yaml)), ROWS);
    }

    @Test
    void theDefaultARowsOwnRatioRangeAndOff() {
        OutlierPolicy policy = read("""
                outliers:
                  change: 1
                  rows:
                    - { row: IV.2.1, change: 0.2, min: 10, max: 80 }
                    - { row: III.3.1, change: off }
                """);
        assertThat(policy.changeFor("IV.2.1")).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.2"));
        assertThat(policy.min("IV.2.1")).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("10"));
        assertThat(policy.max("IV.2.1")).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("80"));
        assertThat(policy.changeFor("III.3.1")).isEmpty();
        assertThat(policy.changeFor("I.1")).hasValue(new BigDecimal("1"));
        assertThat(read("code: cchc").changeFor("III.3.1")).as("no outliers: nothing compared").isEmpty();
    }

    @Test
    void mistakesAreRefusedWithTheEntryNamed() {
        Map<String, String> mistakes = new LinkedHashMap<>();
        mistakes.put("outliers: { change: -1 }", "change phải là một số lớn hơn 0");
        mistakes.put("outliers: { change: nhiều }", "không phải «nhiều»");
        mistakes.put("outliers: { rows: [ { row: IX.9, change: 1 } ] }", "không có dòng «IX.9»");
        mistakes.put("outliers: { rows: [ { row: III.3.2, change: 1 } ] }", "dòng «III.3.2» không phải dòng số liệu");
        mistakes.put("outliers: { rows: [ { row: III, max: 3 } ] }", "dòng «III» không phải dòng số liệu");
        mistakes.put("outliers: { rows: [ { row: IV.2.1, min: 90, max: 80 } ] }", "min (90) lớn hơn max (80)");
        mistakes.put("outliers: { rows: [ { row: IV.2.1, min: -3 } ] }", "min phải là một số không âm");
        mistakes.put("outliers: { rows: [ { row: IV.2.1 } ] }", "cần ít nhất một trong change, min, max");
        mistakes.put("outliers: { rows: [ { row: IV.2.1, max: 8 }, { row: IV.2.1, max: 9 } ] }", "được khai hai lần");
        mistakes.put("outliers: { rows: [ { row: IV.2.1, ratio: 2 } ] }", "ratio");
        mistakes.forEach((yaml, problem) -> assertThatThrownBy(() -> read(yaml)).as(yaml)
                .isInstanceOf(DefinitionException.class).hasMessageContaining(problem).hasMessageContaining("report.yaml"));
    }
}
