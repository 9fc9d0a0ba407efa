package vn.communereport.messaging;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The real Vietnamese texts ({@code messages.properties}) for tests that build the Telegram edge by hand. */
public final class TestTexts {

    private TestTexts() {
    }

    public static Texts vietnamese() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }
}
