package vn.communereport.spreadsheet;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.communereport.definition.Wording;

/**
 * The texts of {@code i18n/spreadsheet.properties} and the chat's, with one addition: a reason the answer pipeline
 * gives may be worded for a spreadsheet ({@code sheet.reason.<key>}) where the chat's words would not fit a cell.
 */
@Component
class SheetTexts implements Wording {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final MessageSource messages;

    SheetTexts(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }

    /** A refusal's reason, in the spreadsheet's own words when it has them. */
    String reason(String key, Object... args) {
        String own = messages.getMessage("sheet.reason." + key, args, null, VIETNAMESE);
        return own != null ? own : get(key, args);
    }
}
