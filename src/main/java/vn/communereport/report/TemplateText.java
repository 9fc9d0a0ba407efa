package vn.communereport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;

/**
 * Fills the placeholders of the report's templates: {ky}, {ky_sau}, {KY}, {KY_SAU}, {nam}, {xa}, {co_quan}, and in
 * leads {<row code>}, the row's value written the Vietnamese way.
 */
final class TemplateText {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    /** A piece of filled text; {@code marker} pieces stand for a value that is not there and are highlighted. */
    record Piece(String text, boolean marker) {
    }

    private final Map<String, String> names;

    TemplateText(CommuneDefinition commune, PeriodKey period) {
        String ky = period.label();
        String kySau = period.next().label();
        this.names = Map.of(
                "ky", ky,
                "ky_sau", kySau,
                "KY", upper(ky),
                "KY_SAU", upper(kySau),
                "nam", String.valueOf(period.year()),
                "xa", commune.place(),
                "co_quan", commune.issuingBodyName());
    }

    static String upper(String text) {
        return text.toUpperCase(VIETNAMESE);
    }

    /** A template with its names filled; an unknown placeholder is left as written. */
    String fill(String template) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces(template, code -> null)) {
            out.append(piece.text());
        }
        return out.toString();
    }

    /**
     * A lead with names and row values filled. {@code rowValue} gives the row's text, or a piece marked as a
     * marker when the value is missing; it returns null for a name that is not a row.
     */
    List<Piece> pieces(String template, Function<String, Piece> rowValue) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            plain.append(template, at, m.start());
            at = m.end();
            String name = m.group(1).trim();
            String known = names.get(name);
            if (known != null) {
                plain.append(known);
                continue;
            }
            Piece value = rowValue.apply(name);
            if (value == null) {
                plain.append(m.group());
            } else if (!value.marker()) {
                plain.append(value.text());
            } else {
                if (!plain.isEmpty()) {
                    pieces.add(new Piece(plain.toString(), false));
                    plain.setLength(0);
                }
                pieces.add(value);
            }
        }
        plain.append(template.substring(at));
        if (!plain.isEmpty()) {
            pieces.add(new Piece(plain.toString(), false));
        }
        return pieces;
    }
}
