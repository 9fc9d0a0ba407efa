package vn.communereport.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.Shortened;
import vn.communereport.definition.Slot;
import vn.communereport.messaging.Texts;

/** Turns stored things into the short Vietnamese lines people read on a phone. */
@Component
class Screens {

    static final int PREVIEW_CHARS = 160;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Texts texts;
    private final Clock clock;
    private final AccessService access;
    Screens(Texts texts, Clock clock, AccessService access) {
        this.texts = texts;
        this.clock = clock;
        this.access = access;
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone()));
    }

    String who(long memberId) {
        return access.byId(memberId).map(Member::getDisplayName).filter(n -> n != null && !n.isBlank())
                .orElse(texts.get("who.someone"));
    }

    /** "6 tháng đầu năm 2026 (Báo cáo cải cách hành chính)": which report and period a message is about. */
    String about(vn.communereport.definition.ReportScope scope, vn.communereport.collection.ReportingPeriod period) {
        return texts.get("communes.report-period", scope.report().name(), period.key().label());
    }

    /** "Biểu III.3.1" or "Mục II.2.2 – Kết quả triển khai thực hiện". */
    String place(ReportDefinition report, Question question) {
        if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
            return texts.get("place.table", question.fills().ref());
        }
        String title = report.blocks().stream().filter(node -> question.fills().ref().equals(node.block()))
                .map(SectionNode::title).findFirst().orElse("");
        return texts.get("place.block", question.fills().ref(), title);
    }

    /** A value as a person reads it: "2.654 hồ sơ", "Có", "«Trong 6 tháng…» (1.234 ký tự)". */
    String value(Question question, AnswerValue value) {
        if (value.skipped()) {
            return texts.get("value.skipped");
        }
        return question.type().show(value.number(), value.text(), question.unit(), texts);
    }

    String stored(Question question, Answer answer) {
        return texts.get("question.stored", value(question, answer.value()), who(answer.getUpdatedBy()), when(answer.getUpdatedAt()));
    }

    static String shorten(String text, int max) {
        return Shortened.oneLine(text, max);
    }

    /** Splits a long text on line ends into pieces that each fit in one message. */
    static List<String> split(String text, int max) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (current.length() + line.length() + 1 > max && current.length() > 0) {
                parts.add(current.toString().stripTrailing());
                current.setLength(0);
            }
            while (line.length() > max) {
                parts.add(line.substring(0, max));
                line = line.substring(max);
            }
            current.append(line).append('\n');
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().stripTrailing());
        }
        return parts;
    }
}
