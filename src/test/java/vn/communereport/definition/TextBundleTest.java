package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.communereport.messaging.TestTexts;

/**
 * The bundles of {@code src/main/resources/i18n/}: valid UTF-8, no key in two bundles (the first bundle of
 * {@code spring.messages.basename} would silently win), no apostrophe (MessageFormat would swallow it), and every key
 * the code of these bundles names exists.
 */
class TextBundleTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java/vn/communereport");
    /** A literal key of one of the new bundles in the code; keys completed at run time end with '.' or '-'; "report.yaml" is a file. */
    static final Pattern KEY = Pattern.compile("\"((?:report|definition|collection)\\.[a-z0-9.-]+|reminder\\.deadline-at)\"");

    @Test
    void textsAreLookedUpWithTheirArguments() {
        TextBundle bundle = TextBundle.of("i18n/collection");
        assertThat(bundle.get("collection.period.half-year.first", "2026")).isEqualTo("6 tháng đầu năm 2026");
        assertThat(bundle.get("collection.answer.skipped")).isEqualTo("(bỏ qua)");
        assertThatThrownBy(() -> bundle.get("collection.no-such-text")).isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("collection.no-such-text");
        assertThatThrownBy(() -> TextBundle.of("i18n/no-such-bundle")).isInstanceOf(MissingResourceException.class);
    }

    @Test
    void everyBundleIsUtf8WithoutApostrophesAndNoKeyIsInTwoBundles() throws IOException {
        Map<String, String> bundleOfKey = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String basename : TestTexts.basenames()) {
            Path file = RESOURCES.resolve(basename + ".properties");
            assertThat(file).as("bundle %s of spring.messages.basename", basename).isRegularFile();
            String text = utf8(file);
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            for (String key : properties.stringPropertyNames()) {
                String other = bundleOfKey.putIfAbsent(key, basename);
                if (other != null) {
                    problems.add(key + " is in " + other + " and in " + basename);
                }
                if (basename.startsWith("i18n/") && properties.getProperty(key).contains("'")) {
                    problems.add(key + " of " + basename + " holds an apostrophe");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties all = new Properties();
        for (String basename : TestTexts.basenames()) {
            all.load(new StringReader(utf8(RESOURCES.resolve(basename + ".properties"))));
        }
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.endsWith(".") || key.endsWith("-") || key.endsWith(".yaml")) {
                        continue;
                    }
                    seen++;
                    if (!all.containsKey(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    private static String utf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
    }
}
