package vn.communereport.conversation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportContext;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.Slot;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.messaging.Texts;

/** Turns stored things into the short Vietnamese lines people read on a phone. */
@Component
class Screens {

    static final int PREVIEW_CHARS = 160;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Texts texts;
    private final Clock clock;
    private final AccessService access;
    private final Map<String, SectionNode> blocks = new HashMap<>();

    Screens(Texts texts, Clock clock, AccessService access, ReportContext context) {
        this.texts = texts;
        this.clock = clock;
        this.access = access;
        context.report().blocks().forEach(node -> blocks.put(node.block(), node));
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone()));
    }

    String who(long memberId) {
        return access.byId(memberId).map(Member::getDisplayName).filter(n -> n != null && !n.isBlank())
                .orElse(texts.get("who.someone"));
    }

    /** "Biểu III.3.1" or "Mục II.2.2 – Kết quả triển khai thực hiện". */
    String place(Question question) {
        if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
            return texts.get("place.table", question.fills().ref());
        }
        SectionNode node = blocks.get(question.fills().ref());
        return texts.get("place.block", question.fills().ref(), node == null ? "" : node.title());
    }

    /** A value as a person reads it: "2.654 Hồ sơ", "Có", "«Trong 6 tháng…» (1.234 ký tự)". */
    String value(Question question, AnswerValue value) {
        if (value.skipped()) {
            return texts.get("value.skipped");
        }
        return switch (question.type()) {
            case YESNO -> value.number() != null && value.number().signum() > 0 ? texts.get("value.yes") : texts.get("value.no");
            case INTEGER, DECIMAL, PERCENT -> number(value.number(), question);
            case TEXT -> shorten(value.text(), PREVIEW_CHARS);
            case NARRATIVE -> texts.get("value.narrative", shorten(value.text(), PREVIEW_CHARS),
                    VietnameseNumbers.format(BigDecimal.valueOf(value.text().length())));
        };
    }

    String number(BigDecimal number, Question question) {
        String unit = question.unit();
        if (question.type() == QuestionType.PERCENT || "%".equals(unit)) {
            return VietnameseNumbers.format(number) + "%";
        }
        return VietnameseNumbers.format(number) + (unit == null ? "" : " " + unit.toLowerCase(Texts.VIETNAMESE));
    }

    String stored(Question question, Answer answer) {
        return texts.get("question.stored", value(question, answer.value()), who(answer.getUpdatedBy()), when(answer.getUpdatedAt()));
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).trim() + "…";
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
