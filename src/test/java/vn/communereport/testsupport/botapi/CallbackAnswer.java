package vn.communereport.testsupport.botapi;

import java.time.Instant;

/** An accepted answerCallbackQuery: what the user saw as a toast/alert after pressing a button. */
public record CallbackAnswer(String callbackQueryId, String callbackData, int messageId, String text,
                             boolean showAlert, Instant answeredAt) {
}
