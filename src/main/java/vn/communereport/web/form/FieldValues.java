package vn.communereport.web.form;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Choice;
import vn.communereport.definition.Question;
import vn.communereport.definition.Reading;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.messaging.Texts;

/**
 * A stored value as the form puts it in its field (what typed again stores the same value) and as a person reads it,
 * and who changed it when. The question's type reads and shows; nothing here parses a number.
 */
@Component
class FieldValues {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Texts texts;
    private final AccessService access;
    private final Clock clock;

    FieldValues(Texts texts, AccessService access, Clock clock) {
        this.texts = texts;
        this.access = access;
        this.clock = clock;
    }

    /** What the field holds: "2.654" for a number, the choice's input for a choice ("1"), the text, "" when skipped. */
    String raw(Question question, AnswerValue value) {
        if (value == null || value.skipped()) {
            return "";
        }
        if (!question.type().choices().isEmpty()) {
            for (Choice choice : question.type().choices()) {
                Reading reading = question.type().read(choice.input(), question.unit(), texts);
                if (reading.ok() && same(reading.number(), value.number()) && (reading.number() != null || choice.input().equals(value.text()))) {
                    return choice.input();
                }
            }
        }
        if (value.number() != null) {
            return VietnameseNumbers.format(value.number());
        }
        return value.text() == null ? "" : value.text();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** As a person reads it: a figure with its unit and Vietnamese separators, yes or no, or that it was skipped. */
    String shown(Question question, AnswerValue value) {
        if (value.skipped()) {
            return texts.get("value.skipped");
        }
        return question.type().show(value.number(), value.text(), question.unit(), texts);
    }

    String who(long memberId) {
        return access.byId(memberId).map(Member::getDisplayName).filter(n -> n != null && !n.isBlank())
                .orElse(texts.get("who.someone"));
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone()));
    }

    /** One stored answer as the page's script reads it. */
    FormJson.Stored stored(Question question, Answer answer) {
        return new FormJson.Stored(question.id(), answer.getVersion(), raw(question, answer.value()), shown(question, answer.value()),
                answer.value().skipped(), who(answer.getUpdatedBy()), when(answer.getUpdatedAt()));
    }
}
