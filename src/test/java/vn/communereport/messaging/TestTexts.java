package vn.communereport.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The real Vietnamese texts for tests that build the Telegram edge or the report by hand: every bundle of
 * {@code spring.messages.basename} in {@code application.yml} ({@code messages.properties} and the files of
 * {@code i18n/}), in its order, read as the application reads them.
 */
public final class TestTexts {

    private TestTexts() {
    }

    public static Texts vietnamese() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }

    /** The bundles the application reads: {@code spring.messages.basename}, comma-separated. */
    @SuppressWarnings("unchecked")
    public static String[] basenames() {
        try (InputStream in = TestTexts.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("messages");
            return Arrays.stream(String.valueOf(messages.get("basename")).split(",")).map(String::trim).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
