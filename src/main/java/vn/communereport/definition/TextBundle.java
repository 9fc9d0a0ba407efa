package vn.communereport.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * Texts a person reads, from a UTF-8 properties file on the class path ({@code src/main/resources/i18n/}), for code
 * that runs before Spring's {@code MessageSource} exists or outside it: the checks of the definitions at start-up,
 * the names of reporting periods. The same files are also in {@code spring.messages.basename}.
 *
 * <p>As with the {@code MessageSource}, a text looked up with arguments is a {@link MessageFormat} pattern ({0},
 * {1}…), one looked up without is used as written. A missing key throws, so a typo fails the tests.
 */
public final class TextBundle implements Wording {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final String baseName;
    private final ResourceBundle bundle;

    private TextBundle(String baseName, ResourceBundle bundle) {
        this.baseName = baseName;
        this.bundle = bundle;
    }

    /** The bundle {@code <baseName>.properties}, e.g. {@code i18n/definition}. */
    public static TextBundle of(String baseName) {
        String resource = baseName + ".properties";
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new MissingResourceException("no " + resource + " on the class path", TextBundle.class.getName(), "");
            }
            return new TextBundle(baseName, new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no text '" + key + "' in " + baseName + ".properties", baseName, key);
        }
        return args.length == 0 ? text : new MessageFormat(text, VIETNAMESE).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
