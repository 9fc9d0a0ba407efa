package vn.communereport.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.SectionNode;

/**
 * The seed report's narrative, cut into the definition's blocks by following its headings in order
 * ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "1. Việc xây dựng…", …, "V. KIẾN NGHỊ, ĐỀ XUẤT") up to the closing sentence.
 * Page-break artefacts of the text export are repaired: a line cut at a page end is joined again, and the
 * footnote printed inside II.1.3.a is taken out.
 */
public final class SeedNarratives {

    private SeedNarratives() {
    }

    /** Block id → the block's narrative, one paragraph a line. */
    public static Map<String, String> blocks(ReportDefinition report) {
        String text = SeedReport.text();
        String body = text.substring(0, text.indexOf("Trên đây là"));
        List<String> lines = List.of(body.split("\\R", -1));
        List<SectionNode> order = new ArrayList<>();
        flatten(report.sections(), order);

        int[] at = new int[order.size()];
        int cursor = 0;
        for (int i = 0; i < order.size(); i++) {
            String prefix = headingPrefix(order.get(i));
            int found = -1;
            for (int l = cursor; l < lines.size() && found < 0; l++) {
                if (lines.get(l).strip().startsWith(prefix)) {
                    found = l;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("heading «" + prefix + "» not found in the seed after line " + cursor);
            }
            at[i] = found;
            cursor = found + 1;
        }
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            SectionNode node = order.get(i);
            if (node.block() == null) {
                continue;
            }
            int end = i + 1 < order.size() ? at[i + 1] : lines.size();
            blocks.put(node.block(), clean(lines.subList(at[i] + 1, end)));
        }
        return blocks;
    }

    /** The heading as printed: "1.1. Công tác chỉ đạo, điều hành", the title cut before any placeholder. */
    public static String headingPrefix(SectionNode node) {
        String title = node.title();
        int brace = title.indexOf('{');
        if (brace >= 0) {
            title = title.substring(0, brace);
        }
        return (node.number() + ". " + title.strip()).replaceAll(":$", "");
    }

    private static void flatten(List<SectionNode> nodes, List<SectionNode> into) {
        for (SectionNode node : nodes) {
            into.add(node);
            flatten(node.children(), into);
        }
    }

    private static String clean(List<String> raw) {
        List<String> paragraphs = new ArrayList<>();
        boolean inFootnote = false;
        for (String line : raw) {
            String text = line.strip().replace("¹", "");
            if (text.isEmpty()) {
                continue;
            }
            if (line.strip().startsWith("¹")) {
                inFootnote = true;
                continue;
            }
            boolean continuation = Character.isLowerCase(text.codePointAt(0));
            if (inFootnote && !continuation) {
                continue;
            }
            inFootnote = false;
            if (continuation && !paragraphs.isEmpty()) {
                int last = paragraphs.size() - 1;
                paragraphs.set(last, paragraphs.get(last) + " " + text);
            } else {
                paragraphs.add(text);
            }
        }
        return String.join("\n", paragraphs);
    }
}
