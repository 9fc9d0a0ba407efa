package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.KeptReason;
import vn.communereport.messaging.Texts;
import vn.communereport.spreadsheet.ImportResult;
import vn.communereport.spreadsheet.PartSpreadsheets;
import vn.communereport.spreadsheet.TemplateOutcome;

/**
 * The department's spreadsheet in the chat: /bangtinh sends the template; a spreadsheet sent to the bot is imported
 * and answered row by row, in as many messages as it takes; figures with warnings wait for the button that
 * confirms them, which carries only the reference of the kept file.
 */
@Component
class SheetExchange {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private final PartSpreadsheets sheets;
    private final Texts texts;
    private final ActionCodec actions;
    private final ChannelLimits limits;

    SheetExchange(PartSpreadsheets sheets, Texts texts, ActionCodec actions, ChannelLimits limits) {
        this.sheets = sheets;
        this.texts = texts;
        this.actions = actions;
        this.limits = limits;
    }

    /** /bangtinh */
    void template(Turn turn, String argument) {
        TemplateOutcome template = sheets.template(turn.member.getId());
        if (!template.ready()) {
            turn.say(template.refusal());
            return;
        }
        turn.attach(template.file().fileName(), template.file().content(), template.file().caption());
    }

    /** A file the person sent. */
    void received(Turn turn, ReceivedFile file) {
        if (file == null || file.problem() == ReceivedFile.Problem.UNAVAILABLE) {
            turn.say(texts.get("sheet.chat.unavailable", file == null ? "" : file.name()));
            return;
        }
        if (file.problem() == ReceivedFile.Problem.TOO_LARGE) {
            turn.say(texts.get("sheet.chat.too-large", file.name(), megabytes(file.size()), megabytes(file.limit())));
            return;
        }
        show(turn, sheets.importFile(turn.member.getId(), file.name(), file.content(), false));
    }

    /** «Xác nhận và lưu các số liệu có cảnh báo»: one short reason is asked for all of them before anything is stored. */
    void confirm(Turn turn, String reference) {
        if (!sheets.holds(turn.member.getId(), reference)) {
            turn.notice = texts.get("button.stale");
            turn.say(texts.get("reasons.sheet.gone"));
            return;
        }
        turn.state.awaitSheetReason(reference);
        turn.say(texts.get("reasons.sheet.ask"));
    }

    /** The reason the kept file's figures with warnings are kept; one that cannot be taken is asked for again. */
    void reason(Turn turn, String text) {
        String reference = turn.state.context();
        Optional<String> problem = KeptReason.problem(text);
        if (problem.isPresent()) {
            turn.say(texts.get(problem.get(), KeptReason.MIN_LENGTH, KeptReason.MAX_LENGTH) + "\n\n" + texts.get("reasons.sheet.ask"));
            return;
        }
        turn.state.idle();
        show(turn, sheets.confirm(turn.member.getId(), reference, text));
    }

    private void show(Turn turn, ImportResult result) {
        List<String> pieces = Screens.split(result.text(), limits.messageLength());
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            if (last && result.confirmation() != null) {
                turn.say(pieces.get(i), List.of(List.of(actions.button(texts.get("sheet.button.confirm"),
                        Action.of(Act.CONFIRM_SHEET, result.confirmation())))));
            } else {
                turn.say(pieces.get(i));
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Texts.VIETNAMESE, "%.1f", bytes / MEGABYTE);
    }
}
