package vn.communereport.spreadsheet;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;

/**
 * Fills the names a section title may hold ({ky}, {ky_sau}, {KY}, {KY_SAU}, {nam}, {xa}, {co_quan}; see
 * conversations/README.md, 3.2) as the compiled report fills them; anything else is left as written.
 */
final class TitleNames implements UnaryOperator<String> {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final Map<String, String> names;

    TitleNames(CommuneDefinition commune, PeriodKey period) {
        String ky = period.label();
        String kySau = period.next().label();
        names = Map.of("ky", ky, "ky_sau", kySau, "KY", ky.toUpperCase(VIETNAMESE), "KY_SAU", kySau.toUpperCase(VIETNAMESE),
                "nam", String.valueOf(period.year()), "xa", commune.place(), "co_quan", commune.issuingBodyName());
    }

    @Override
    public String apply(String template) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(names.getOrDefault(m.group(1).trim(), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
