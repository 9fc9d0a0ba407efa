package vn.communereport.testsupport.botapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UTF-8 cursor helpers shared by the markup parsers. Telegram parses markup byte by byte and reports errors with
 * byte offsets, so the parsers here do the same to produce the same messages.
 */
final class Utf8Text {
    final byte[] bytes;
    final int size;

    Utf8Text(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.size = bytes.length;
    }

    /** Byte at i as 0..255, or 0 past the end (TDLib reads the terminating NUL the same way). */
    int at(int i) {
        return i < size ? bytes[i] & 0xFF : 0;
    }

    String ascii(int from, int to) {
        return new String(bytes, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }

    String lowerAscii(int from, int to) {
        return ascii(from, to).toLowerCase(Locale.ROOT);
    }

    static boolean isFirstCodeUnit(int c) {
        return (c & 0xC0) != 0x80;
    }

    /** UTF-16 length contributed by the UTF-8 sequence starting with byte c. */
    static int utf16Units(int c) {
        return c >= 0xF0 ? 2 : 1;
    }

    /** TDLib's is_space: the NUL past the end counts as space. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0 || c == 0x0B || c == 0x0C;
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static void appendCodePoint(ByteArrayOutputStream out, int codePoint) {
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        out.write(encoded, 0, encoded.length);
    }

    static String decode(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    static String decode(ByteArrayOutputStream out, int from) {
        byte[] all = out.toByteArray();
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
