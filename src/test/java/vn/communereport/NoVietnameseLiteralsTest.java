package vn.communereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from a message bundle or from the definitions in {@code conversations/}, never from
 * a Java string literal. A literal holding a Vietnamese letter with a diacritic (à, ạ, ă, â, đ, ê, ô, ơ, ư … and
 * their capitals) is such a text; ASCII words and comments are not looked at, nor are char literals.
 */
class NoVietnameseLiteralsTest {

    static final Path SOURCES = Path.of("src/main/java");

    /** Letters with a Vietnamese diacritic, lower and upper case, composed (NFC). */
    static final Set<Integer> VIETNAMESE_LETTERS = vietnameseLetters();
    /** The five tone marks as combining characters, for text written decomposed (NFD). */
    static final Set<Integer> TONE_MARKS = Set.of(0x0300, 0x0301, 0x0303, 0x0309, 0x0323);

    /** A string literal or text block of a source file, with the line it starts on. */
    record Literal(int line, String text) {
    }

    @Test
    void noStringLiteralOfTheMainSourcesHoldsVietnameseText() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Literal literal : literals(source)) {
                    if (isVietnamese(literal.text())) {
                        offenders.add(file.toString().replace('\\', '/') + ":" + literal.line() + ": \"" + excerpt(literal.text()) + "\"");
                    }
                }
            }
        }
        assertThat(offenders)
                .as("string literals with Vietnamese text; move them to a bundle (src/main/resources/i18n/*.properties)"
                        + " or to the definitions:%n%s", String.join(System.lineSeparator(), offenders))
                .isEmpty();
    }

    // ------------------------------------------------------------------ the scanner checks itself

    @Test
    void commentsAndCharLiteralsAreNotLookedAt() {
        String source = """
                // "Bình Lư" in a line comment
                /* "Bình Lư" in a block comment, with a "quote */
                /** javadoc: "Ủy ban" */
                char d = 'đ';
                char quote = '"';
                char escaped = '\\'';
                String url = "http://example.com/*not a comment*/"; // "Đã lưu"
                """;
        assertThat(literals(source)).extracting(Literal::text).containsExactly("http://example.com/*not a comment*/");
        assertThat(literals(source).stream().anyMatch(l -> isVietnamese(l.text()))).isFalse();
    }

    @Test
    void escapedQuotesTextBlocksAndLinesAreHandled() {
        String source = "class A {\n"
                + "    String a = \"say \\\"hi\\\" // not a comment\";\n"
                + "    String b = \"\\\\\"; String c = \"Đã lưu\";\n"
                + "    String d = \"\"\"\n"
                + "            first line\n"
                + "            a \\\"\"\" inside, then \"Bình\"\n"
                + "            \"\"\";\n"
                + "    String e = \"\\u0111\";\n"
                + "}\n";
        List<Literal> literals = literals(source);
        assertThat(literals).extracting(Literal::text).containsExactly(
                "say \\\"hi\\\" // not a comment", "\\\\", "Đã lưu",
                "\n            first line\n            a \\\"\"\" inside, then \"Bình\"\n            ", "đ");
        assertThat(literals).extracting(Literal::line).containsExactly(2, 3, 3, 4, 8);
        assertThat(literals.stream().filter(l -> isVietnamese(l.text())).map(Literal::line).toList()).containsExactly(3, 4, 8);
    }

    @Test
    void onlyLettersWithADiacriticCount() {
        assertThat(isVietnamese("Bao cao xa Binh Lu")).isFalse();
        assertThat(isVietnamese("DuThao_CCHC_6T-2026")).isFalse();
        assertThat(isVietnamese("café ✅ — …")).isTrue(); // é is one of the Vietnamese letters too
        assertThat(isVietnamese("ĐƯỜNG")).isTrue();
        assertThat(isVietnamese(Normalizer.normalize("Việt", Normalizer.Form.NFD))).isTrue();
        assertThat(isVietnamese("✅ Đ")).isTrue();
        assertThat(isVietnamese("✅ → ≤ ‹›")).isFalse();
    }

    // ------------------------------------------------------------------ scanner

    /**
     * The string literals and text blocks of a Java source, their content as written (escapes not resolved, except
     * Unicode escapes, which Java resolves before anything else). Comments and char literals are skipped.
     */
    static List<Literal> literals(String rawSource) {
        String source = unicodeEscapesResolved(rawSource);
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'' && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !source.startsWith("\"\"\"", j)) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(line, source.substring(start, Math.min(j, n))));
                line += count(source, i, Math.min(j, n));
                i = j + 3;
            } else if (c == '"') {
                int start = i + 1;
                int j = start;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(line, source.substring(start, Math.min(j, n))));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** {@code \u0111} → đ, as the compiler reads it; an escaped backslash ({@code \\u…}) is not an escape. */
    static String unicodeEscapesResolved(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                int backslashes = 0;
                while (i + backslashes < source.length() && source.charAt(i + backslashes) == '\\') {
                    backslashes++;
                }
                out.append(source, i, i + backslashes - 1);
                i += backslashes - 1;
                // i is at the last backslash of the run: an escape only when the run is of odd length.
                int u = i + 1;
                while (backslashes % 2 == 1 && u < source.length() && source.charAt(u) == 'u') {
                    u++;
                }
                if (backslashes % 2 == 1 && u > i + 1 && u + 4 <= source.length()
                        && source.substring(u, u + 4).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    out.append((char) Integer.parseInt(source.substring(u, u + 4), 16));
                    i = u + 4;
                } else {
                    out.append('\\');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static boolean isVietnamese(String text) {
        return text.codePoints().anyMatch(c -> VIETNAMESE_LETTERS.contains(c) || TONE_MARKS.contains(c))
                || Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().anyMatch(VIETNAMESE_LETTERS::contains);
    }

    private static Set<Integer> vietnameseLetters() {
        Set<Integer> letters = new HashSet<>();
        String vowels = "aăâeêioôơuưy";
        for (char vowel : vowels.toCharArray()) {
            letters.add((int) vowel);
            for (int mark : new int[] {0x0300, 0x0301, 0x0303, 0x0309, 0x0323}) {
                letters.add(Normalizer.normalize(vowel + String.valueOf((char) mark), Normalizer.Form.NFC).codePointAt(0));
            }
        }
        letters.add((int) 'đ');
        for (int letter : Set.copyOf(letters)) {
            letters.add(Character.toUpperCase(letter));
        }
        // The plain vowels were only the base for the marks.
        for (char plain : "aeiouyAEIOUY".toCharArray()) {
            letters.remove((int) plain);
        }
        return Set.copyOf(letters);
    }

    private static String excerpt(String literal) {
        String flat = literal.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "…";
    }
}
