package vn.communereport.definition;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code draft:} of the report's sections: the figures a block's first sentence quotes and the sentence. Every
 * figure must be a table row with a value, every placeholder a figure named there or a known name ({ky}, {xa} …), and
 * every figure named must be quoted, so the clerk learns of a slip at start, in Vietnamese.
 */
final class SentencePatternReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final TextBundle TEXTS = TextBundle.of("i18n/drafting");

    private SentencePatternReader() {
    }

    static SentencePatterns read(YamlNode doc, Map<String, TableRow> rows) {
        Map<String, SentencePattern> byBlock = new LinkedHashMap<>();
        read(doc, "sections", rows, byBlock);
        return new SentencePatterns(byBlock);
    }

    private static void read(YamlNode parent, String field, Map<String, TableRow> rows, Map<String, SentencePattern> into) {
        for (YamlNode section : parent.nodes(field, "number")) {
            if (section.has("draft")) {
                String block = section.optionalText("block");
                if (block == null) {
                    throw error(section, "drafting.definition.no-block");
                }
                into.put(block, pattern(block, section.node("draft"), rows));
            }
            read(section, "children", rows, into);
        }
    }

    private static SentencePattern pattern(String block, YamlNode draft, Map<String, TableRow> rows) {
        draft.allowOnly(Set.of("figures", "sentence"));
        List<String> figures = draft.texts("figures");
        if (figures.isEmpty()) {
            throw error(draft, "drafting.definition.no-figures");
        }
        for (String code : figures) {
            TableRow row = rows.get(code);
            if (row == null) {
                throw error(draft, "drafting.definition.unknown-figure", code);
            }
            if (!row.carriesValue()) {
                throw error(draft, "drafting.definition.figure-without-value", code);
            }
        }
        String sentence = draft.text("sentence");
        Set<String> quoted = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(sentence);
        while (m.find()) {
            String name = m.group(1).trim();
            if (ReportReader.TEMPLATE_NAMES.contains(name)) {
                continue;
            }
            if (!figures.contains(name)) {
                throw error(draft, "drafting.definition.placeholder-not-a-figure", "{" + name + "}", String.join(", ", figures));
            }
            quoted.add(name);
        }
        for (String code : figures) {
            if (!quoted.contains(code)) {
                throw error(draft, "drafting.definition.figure-not-quoted", code, "{" + code + "}");
            }
        }
        return new SentencePattern(block, figures, sentence);
    }

    private static DefinitionException error(YamlNode node, String key, Object... args) {
        return new DefinitionException(node.file(), node.entry(), TEXTS.get(key, args));
    }
}
