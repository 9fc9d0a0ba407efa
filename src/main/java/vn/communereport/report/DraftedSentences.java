package vn.communereport.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import vn.communereport.collection.SentenceChoice;
import vn.communereport.definition.Department;
import vn.communereport.definition.SentencePattern;

/** Writes drafted sentences from a report's figures, and checks members' own versions against them. */
final class DraftedSentences {

    private DraftedSentences() {
    }

    /** The block's sentence from the figures as they stand, or what it still waits for. */
    static DraftedSentence write(ReportData data, SentencePattern pattern) {
        List<String> missing = new ArrayList<>();
        for (String code : pattern.figures()) {
            if (data.figures().display(code).isEmpty()) {
                missing.add(missing(data, code));
            }
        }
        if (!missing.isEmpty()) {
            return new DraftedSentence(pattern.block(), null, missing, "");
        }
        StringBuilder text = new StringBuilder();
        data.lead(pattern.sentence()).forEach(piece -> text.append(piece.text()));
        return new DraftedSentence(pattern.block(), text.toString(), List.of(), fingerprint(text.toString()));
    }

    /** "III.3.2.1 (Trung tâm Phục vụ hành chính công)"; a figure that has no value though answered: "VI.1 (trống)". */
    private static String missing(ReportData data, String code) {
        List<String> names = data.figures().waitingFor(code, data.commune().departments().stream().map(Department::code).toList())
                .stream().map(data::departmentName).toList();
        return names.isEmpty() ? data.text("drafting.missing.blank", code)
                : data.text("drafting.missing.waiting", code, String.join(", ", names));
    }

    /** Eight hex digits that change with the sentence. */
    static String fingerprint(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** For each edited sentence that quotes a number the table's figures do not give, one line for "Kiểm tra số liệu". */
    static List<String> checks(ReportData data) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, SentenceChoice> entry : data.sentenceChoices().entrySet()) {
            SentenceChoice choice = entry.getValue();
            SentencePattern pattern = data.report().sentencePatterns().of(entry.getKey()).orElse(null);
            if (pattern == null || choice.kind() != SentenceChoice.Kind.EDITED || choice.ownText() == null) {
                continue;
            }
            DraftedSentence drafted = write(data, pattern);
            if (!drafted.complete()) {
                continue; // the figures are not all in: nothing to compare with yet
            }
            List<String> strays = QuotedNumbers.unmatched(choice.ownText(), drafted.text());
            if (!strays.isEmpty()) {
                lines.add(data.text("drafting.check.edited", entry.getKey(),
                        data.departmentName(data.ownership().blockOwner(entry.getKey())), String.join(", ", strays), figures(data, pattern)));
            }
        }
        lines.sort(null);
        return List.copyOf(lines);
    }

    /** "III.3.1 = 2.654; III.3.2.1 = 2.647" */
    static String figures(ReportData data, SentencePattern pattern) {
        List<String> pairs = new ArrayList<>();
        for (String code : pattern.figures()) {
            pairs.add(code + " = " + data.figures().display(code));
        }
        return String.join("; ", pairs);
    }
}
