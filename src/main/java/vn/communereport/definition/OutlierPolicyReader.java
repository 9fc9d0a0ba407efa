package vn.communereport.definition;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code outliers} of report.yaml into an {@link OutlierPolicy}: a default {@code change} ratio and, per table
 * row, its own {@code change} (or {@code off}), {@code min} and {@code max}. Its texts are in
 * {@code i18n/reasons.properties}.
 */
final class OutlierPolicyReader {

    private static final TextBundle TEXTS = TextBundle.of("i18n/reasons");

    private OutlierPolicyReader() {
    }

    static OutlierPolicy read(YamlNode doc, Map<String, TableRow> rows) {
        if (!doc.has("outliers")) {
            return OutlierPolicy.none();
        }
        YamlNode outliers = doc.node("outliers");
        outliers.allowOnly(Set.of("change", "rows"));
        BigDecimal change = outliers.has("change") ? ratio(outliers, outliers.text("change")) : null;
        Map<String, OutlierPolicy.RowLimits> limits = new LinkedHashMap<>();
        for (YamlNode r : outliers.nodes("rows", "row")) {
            r.allowOnly(Set.of("row", "change", "min", "max"));
            String code = r.text("row");
            TableRow row = rows.get(code);
            if (row == null) {
                throw error(r, "reasons.definition.unknown-row", code);
            }
            if (row.kind() != TableRow.Kind.FIGURE) {
                throw error(r, "reasons.definition.not-figure", code);
            }
            String changeText = r.optionalText("change");
            boolean off = "off".equals(changeText) || Boolean.FALSE.equals(r.raw("change"));
            BigDecimal own = changeText == null || off ? null : ratio(r, changeText);
            BigDecimal min = r.has("min") ? number(r, "min", r.text("min")) : null;
            BigDecimal max = r.has("max") ? number(r, "max", r.text("max")) : null;
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw error(r, "reasons.definition.min-above-max", r.text("min"), r.text("max"));
            }
            if (own == null && !off && min == null && max == null) {
                throw error(r, "reasons.definition.row-empty", code);
            }
            if (limits.put(code, new OutlierPolicy.RowLimits(own, off, min, max)) != null) {
                throw error(r, "reasons.definition.duplicate-row", code);
            }
        }
        return new OutlierPolicy(change, Map.copyOf(limits));
    }

    /** A ratio above 0: {@code 0.5} (half as much again), {@code 1} (twice), {@code 2} (three times). */
    private static BigDecimal ratio(YamlNode node, String text) {
        BigDecimal ratio = parse(text);
        if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw error(node, "reasons.definition.change", text);
        }
        return ratio;
    }

    private static BigDecimal number(YamlNode node, String field, String text) {
        BigDecimal number = parse(text);
        if (number == null || number.signum() < 0) {
            throw error(node, "reasons.definition.bound", field, text);
        }
        return number;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static DefinitionException error(YamlNode node, String key, Object... args) {
        return new DefinitionException(node.file(), node.entry(), TEXTS.get(key, args));
    }
}
