package vn.communereport.messaging;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Vietnamese texts people read, from {@code messages.properties}. */
@Component
public class Texts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
