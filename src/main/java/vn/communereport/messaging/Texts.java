package vn.communereport.messaging;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.communereport.definition.Wording;

/** The Vietnamese texts people read, from {@code messages.properties}. */
@Component
public class Texts implements Wording {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
