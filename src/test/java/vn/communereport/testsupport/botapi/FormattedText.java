package vn.communereport.testsupport.botapi;

import java.util.List;

/** Text with its entities after markup was parsed: what Telegram stores and shows. */
record FormattedText(String text, List<MessageEntity> entities) {
    FormattedText {
        entities = List.copyOf(entities);
    }

    int codePointLength() {
        return text.codePointCount(0, text.length());
    }
}
