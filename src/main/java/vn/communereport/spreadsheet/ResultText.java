package vn.communereport.spreadsheet;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.Shortened;
import vn.communereport.definition.Slot;
import vn.communereport.report.RuleFinding;
import vn.communereport.spreadsheet.RowResult.Status;

/** Words what became of each row, and of the whole file, in Vietnamese. */
@Component
class ResultText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final int VALUE_PREVIEW = 80;

    private final SheetTexts texts;
    private final AccessService access;
    private final Clock clock;

    ResultText(SheetTexts texts, AccessService access, Clock clock) {
        this.texts = texts;
        this.access = access;
        this.clock = clock;
    }

    SheetTexts wording() {
        return texts;
    }

    RowResult unchanged(Question question, String label) {
        return new RowResult(question.id(), place(question), label, Status.UNCHANGED, null, null, null);
    }

    /** A row as the pipeline's outcome says; {@code typed} is what the cell held, for a refusal. */
    RowResult row(Question question, String label, String typed, AnswerOutcome outcome) {
        String place = place(question);
        if (outcome instanceof AnswerOutcome.Stored stored) {
            String value = value(question, stored.value());
            return row(question, place, label, Status.STORED, value, null, texts.get("sheet.result.stored", value));
        }
        if (outcome instanceof AnswerOutcome.Refused refused) {
            String reason = texts.reason(refused.reasonKey(), refused.args());
            String shown = Shortened.oneLine(typed, VALUE_PREVIEW);
            return row(question, place, label, Status.REFUSED, shown, reason, texts.get("sheet.result.refused", shown, reason));
        }
        if (outcome instanceof AnswerOutcome.NeedsConfirmation warning) {
            String value = value(question, warning.value());
            String found = String.join("; ", warning.descriptions());
            return row(question, place, label, Status.NEEDS_CONFIRMATION, value, found, texts.get("sheet.result.confirm", value, found));
        }
        if (outcome instanceof AnswerOutcome.NeedsReason needs) {
            // kept without a reason that can be taken: it waits, as a warning to confirm does
            String value = value(question, needs.value());
            String found = String.join("; ", needs.warnings());
            return row(question, place, label, Status.NEEDS_CONFIRMATION, value, found, texts.get("sheet.result.confirm", value, found));
        }
        if (outcome instanceof AnswerOutcome.ChangedMeanwhile changed) {
            Answer current = changed.current();
            String theirs = value(question, current.value());
            String mine = value(question, changed.value());
            String message = texts.get("sheet.result.changed", who(current.getUpdatedBy()), when(current.getUpdatedAt()), theirs, mine);
            return row(question, place, label, Status.CHANGED_MEANWHILE, mine, message, message);
        }
        String reason = outcome instanceof AnswerOutcome.Locked locked && locked.lateRefusal() != null ? locked.lateRefusal()
                : texts.get(outcome instanceof AnswerOutcome.Locked ? "sheet.reason.locked" : "sheet.reason.not-allowed");
        String shown = Shortened.oneLine(typed, VALUE_PREVIEW);
        return row(question, place, label, Status.REFUSED, shown, reason, texts.get("sheet.result.refused", shown, reason));
    }

    private RowResult row(Question question, String place, String label, Status status, String value, String message, String what) {
        return new RowResult(question.id(), place, label, status, value, message, texts.get("sheet.result.line", place, what));
    }

    /** The whole answer: counts, then the rows by what became of them (unchanged rows only counted). */
    String text(String fileName, List<RowResult> rows, boolean confirmable) {
        StringBuilder text = new StringBuilder(texts.get("sheet.result.header", fileName, count(rows, Status.STORED),
                count(rows, Status.UNCHANGED), count(rows, Status.REFUSED), count(rows, Status.NEEDS_CONFIRMATION),
                count(rows, Status.CHANGED_MEANWHILE)));
        if (rows.stream().allMatch(r -> r.status() == Status.UNCHANGED)) {
            text.append('\n').append(texts.get("sheet.result.nothing"));
        }
        section(text, rows, Status.STORED, "sheet.result.section.stored");
        section(text, rows, Status.REFUSED, "sheet.result.section.refused");
        section(text, rows, Status.CHANGED_MEANWHILE, "sheet.result.section.changed");
        section(text, rows, Status.NEEDS_CONFIRMATION, "sheet.result.section.confirm");
        if (confirmable) {
            text.append("\n\n").append(texts.get("sheet.result.confirm-hint"));
        }
        return text.toString();
    }

    String refusal(String fileName, Refusal refusal) {
        Object[] args = refusal.args();
        if ("sheet.refused.bomb".equals(refusal.key())) {
            args = new Object[]{texts.get("sheet.limits", ZipGuard.MAX_ENTRIES, ZipGuard.MAX_ENTRY_BYTES / (1024 * 1024),
                    ZipGuard.MAX_TOTAL_BYTES / (1024 * 1024))};
        }
        return texts.get("sheet.refused.header", fileName, texts.get(refusal.key(), args));
    }

    private void section(StringBuilder text, List<RowResult> rows, Status status, String headingKey) {
        List<String> lines = new ArrayList<>();
        rows.stream().filter(r -> r.status() == status).forEach(r -> lines.add(r.line()));
        if (!lines.isEmpty()) {
            text.append("\n\n").append(texts.get(headingKey)).append('\n').append(String.join("\n", lines));
        }
    }

    private static long count(List<RowResult> rows, Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    private String place(Question question) {
        return question.fills().kind() == Slot.Kind.TABLE_ROW ? question.fills().ref()
                : texts.get("sheet.result.place.block", question.fills().ref());
    }

    private String value(Question question, AnswerValue value) {
        if (value.skipped()) {
            return texts.get("value.skipped");
        }
        return question.type().show(value.number(), value.text(), question.unit(), texts);
    }

    private String who(long memberId) {
        return access.byId(memberId).map(Member::getDisplayName).filter(n -> n != null && !n.isBlank())
                .orElse(texts.get("who.someone"));
    }

    private String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone()));
    }
}
