package vn.communereport.testsupport.botapi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * parse_mode=HTML exactly as strict as Telegram (TDLib parse_html): only the supported tags, properly nested and closed;
 * a bare '<' that does not start a supported tag is refused. Like Telegram, a bare '>' or an '&' that does not form
 * &lt; &gt; &amp; &quot; or a numeric reference is kept as a literal character, not refused.
 */
final class HtmlEntityParser {
    private static final Set<String> SUPPORTED_TAGS = Set.of("a", "b", "strong", "i", "em", "s", "strike", "del", "u",
            "ins", "tg-spoiler", "tg-emoji", "tg-time", "span", "pre", "code", "blockquote");

    private record OpenTag(String name, String argument, int utf16Offset, int outputPosition) {
    }

    private HtmlEntityParser() {
    }

    static FormattedText parse(String input) throws EntityParseException {
        Utf8Text text = new Utf8Text(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.size);
        List<MessageEntity> entities = new ArrayList<>();
        Deque<OpenTag> open = new ArrayDeque<>();
        int utf16 = 0;

        for (int i = 0; i < text.size; i++) {
            int c = text.at(i);
            if (c == '&') {
                long decoded = decodeHtmlEntity(text, i);
                if (decoded >= 0) {
                    int codePoint = (int) (decoded >>> 32);
                    if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                        throw new EntityParseException("Text contains invalid Unicode characters after decoding HTML "
                                + "entities, check for unmatched surrogate code units");
                    }
                    utf16 += codePoint > 0xFFFF ? 2 : 1;
                    Utf8Text.appendCodePoint(out, codePoint);
                    i = (int) decoded - 1;
                    continue;
                }
            }
            if (c != '<') {
                if (Utf8Text.isFirstCodeUnit(c)) {
                    utf16 += Utf8Text.utf16Units(c);
                }
                out.write(c);
                continue;
            }

            int beginPos = i++;
            if (text.at(i) != '/') {
                // start tag
                while (!Utf8Text.isSpace(text.at(i)) && text.at(i) != '>') {
                    i++;
                }
                if (text.at(i) == 0) {
                    throw new EntityParseException("Unclosed start tag at byte offset " + beginPos);
                }
                String tagName = text.lowerAscii(beginPos + 1, i);
                if (!SUPPORTED_TAGS.contains(tagName)) {
                    throw new EntityParseException("Unsupported start tag \"" + tagName + "\" at byte offset " + beginPos);
                }
                String argument = "";
                while (text.at(i) != '>') {
                    while (text.at(i) != 0 && Utf8Text.isSpace(text.at(i))) {
                        i++;
                    }
                    if (text.at(i) == '>') {
                        break;
                    }
                    int attributeBegin = i;
                    while (!Utf8Text.isSpace(text.at(i)) && "=>/\"'".indexOf(text.at(i)) < 0) {
                        i++;
                    }
                    String attributeName = text.ascii(attributeBegin, i);
                    if (attributeName.isEmpty()) {
                        throw new EntityParseException("Empty attribute name in the tag \"" + tagName
                                + "\" at byte offset " + beginPos);
                    }
                    while (text.at(i) != 0 && Utf8Text.isSpace(text.at(i))) {
                        i++;
                    }
                    if (text.at(i) != '=') {
                        if (text.at(i) == 0) {
                            throw new EntityParseException("Unclosed start tag \"" + tagName + "\" at byte offset " + beginPos);
                        }
                        if (tagName.equals("blockquote") && attributeName.equals("expandable")) {
                            argument = "1";
                        }
                        continue;
                    }
                    i++;
                    while (text.at(i) != 0 && Utf8Text.isSpace(text.at(i))) {
                        i++;
                    }
                    if (text.at(i) == 0) {
                        throw new EntityParseException("Unclosed start tag \"" + tagName + "\" at byte offset " + beginPos);
                    }
                    String value;
                    if (text.at(i) != '\'' && text.at(i) != '"') {
                        // unquoted name token: letters, digits, '.', '-' only
                        int tokenBegin = i;
                        while (Utf8Text.isAlnum(text.at(i)) || text.at(i) == '.' || text.at(i) == '-') {
                            i++;
                        }
                        value = text.lowerAscii(tokenBegin, i);
                        if (!Utf8Text.isSpace(text.at(i)) && text.at(i) != '>') {
                            throw new EntityParseException("Unexpected end of name token at byte offset " + tokenBegin);
                        }
                    } else {
                        int quote = text.at(i++);
                        ByteArrayOutputStream valueBytes = new ByteArrayOutputStream();
                        while (text.at(i) != quote && text.at(i) != 0) {
                            if (text.at(i) == '&') {
                                long decoded = decodeHtmlEntity(text, i);
                                if (decoded >= 0) {
                                    Utf8Text.appendCodePoint(valueBytes, (int) (decoded >>> 32));
                                    i = (int) decoded;
                                    continue;
                                }
                            }
                            valueBytes.write(text.at(i++));
                        }
                        if (text.at(i) == quote) {
                            i++;
                        }
                        value = Utf8Text.decode(valueBytes);
                    }
                    if (text.at(i) == 0) {
                        throw new EntityParseException("Unclosed start tag at byte offset " + beginPos);
                    }
                    argument = attributeArgument(tagName, attributeName, value, argument);
                }
                if (tagName.equals("span") && !argument.equals("spoiler")) {
                    throw new EntityParseException("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + beginPos);
                }
                open.push(new OpenTag(tagName, argument, utf16, out.size()));
            } else {
                // end tag
                if (open.isEmpty()) {
                    throw new EntityParseException("Unexpected end tag at byte offset " + beginPos);
                }
                while (!Utf8Text.isSpace(text.at(i)) && text.at(i) != '>') {
                    i++;
                }
                String endTagName = text.lowerAscii(beginPos + 2, i);
                while (Utf8Text.isSpace(text.at(i)) && text.at(i) != 0) {
                    i++;
                }
                if (text.at(i) != '>') {
                    throw new EntityParseException("Unclosed end tag at byte offset " + beginPos);
                }
                OpenTag top = open.peek();
                if (!endTagName.isEmpty() && !endTagName.equals(top.name())) {
                    throw new EntityParseException("Unmatched end tag at byte offset " + beginPos + ", expected \"</"
                            + top.name() + ">\", found \"</" + endTagName + ">\"");
                }
                if (utf16 > top.utf16Offset()) {
                    addEntity(entities, top, utf16 - top.utf16Offset(), out);
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            throw new EntityParseException("Can't find end tag corresponding to start tag \"" + open.peek().name() + "\"");
        }
        // a language on <code> only counts inside <pre>
        List<MessageEntity> result = new ArrayList<>();
        for (MessageEntity e : entities) {
            result.add(e.type().equals("code") && e.language() != null
                    ? new MessageEntity("code", e.offset(), e.length(), null, null, null, null) : e);
        }
        return new FormattedText(Utf8Text.decode(out), TextFormatting.sorted(result));
    }

    private static String attributeArgument(String tag, String attribute, String value, String current) {
        if (tag.equals("a") && attribute.equals("href")) {
            return value;
        }
        if (tag.equals("code") && attribute.equals("class") && value.startsWith("language-")) {
            return value.substring("language-".length());
        }
        if (tag.equals("span") && attribute.equals("class") && value.startsWith("tg-")) {
            return value.substring("tg-".length());
        }
        if (tag.equals("tg-emoji") && attribute.equals("emoji-id")) {
            return value;
        }
        if (tag.equals("blockquote") && attribute.equals("expandable")) {
            return "1";
        }
        return current;
    }

    private static void addEntity(List<MessageEntity> entities, OpenTag tag, int length, ByteArrayOutputStream out)
            throws EntityParseException {
        int offset = tag.utf16Offset();
        MessageEntity last = entities.isEmpty() ? null : entities.get(entities.size() - 1);
        switch (tag.name()) {
            case "i", "em" -> entities.add(MessageEntity.of("italic", offset, length));
            case "b", "strong" -> entities.add(MessageEntity.of("bold", offset, length));
            case "s", "strike", "del" -> entities.add(MessageEntity.of("strikethrough", offset, length));
            case "u", "ins" -> entities.add(MessageEntity.of("underline", offset, length));
            case "tg-spoiler", "span" -> entities.add(MessageEntity.of("spoiler", offset, length));
            case "tg-emoji" -> {
                long id;
                try {
                    id = Long.parseLong(tag.argument());
                } catch (NumberFormatException e) {
                    id = 0;
                }
                if (id == 0) {
                    throw new EntityParseException("Invalid custom emoji identifier specified");
                }
                entities.add(new MessageEntity("custom_emoji", offset, length, null, null, Long.toString(id), null));
            }
            case "tg-time" -> {
                // formatted dates are not modelled: Telegram shows the inner text, which is what tests read
            }
            case "a" -> {
                String url = tag.argument().isEmpty() ? Utf8Text.decode(out, tag.outputPosition()) : tag.argument();
                MessageEntity link = TextFormatting.linkEntity(url, offset, length);
                if (link != null) {
                    entities.add(link);
                }
            }
            case "pre" -> {
                if (last != null && last.type().equals("code") && last.offset() == offset && last.length() == length
                        && last.language() != null && !last.language().isEmpty()) {
                    entities.set(entities.size() - 1, new MessageEntity("pre", offset, length, null, last.language(), null, null));
                } else {
                    entities.add(MessageEntity.of("pre", offset, length));
                }
            }
            case "code" -> {
                if (last != null && last.type().equals("pre") && last.offset() == offset && last.length() == length
                        && !tag.argument().isEmpty()) {
                    entities.set(entities.size() - 1, new MessageEntity("pre", offset, length, null, tag.argument(), null, null));
                } else {
                    entities.add(new MessageEntity("code", offset, length, null,
                            tag.argument().isEmpty() ? null : tag.argument(), null, null));
                }
            }
            case "blockquote" -> entities.add(MessageEntity.of(
                    tag.argument().isEmpty() ? "blockquote" : "expandable_blockquote", offset, length));
            default -> throw new IllegalStateException(tag.name());
        }
    }

    /**
     * Decodes &lt; &gt; &amp; &quot; and numeric references at pos.
     * Returns (codePoint << 32 | nextPos), or -1 when this '&' is just a literal character.
     */
    static long decodeHtmlEntity(Utf8Text text, int pos) {
        int end = pos + 1;
        long value = 0;
        if (text.at(pos + 1) == '#') {
            end++;
            if (text.at(pos + 2) == 'x') {
                end++;
                while (Utf8Text.isHexDigit(text.at(end))) {
                    value = Math.min(value * 16 + Character.digit(text.at(end++), 16), 0xFFFFFFFFL);
                }
            } else {
                while (Utf8Text.isDigit(text.at(end))) {
                    value = Math.min(value * 10 + (text.at(end++) - '0'), 0xFFFFFFFFL);
                }
            }
            if (value == 0 || value >= 0x10FFFF || end - pos >= 10) {
                return -1;
            }
        } else {
            while (Utf8Text.isAlpha(text.at(end))) {
                end++;
            }
            switch (text.ascii(pos + 1, end)) {
                case "lt" -> value = '<';
                case "gt" -> value = '>';
                case "amp" -> value = '&';
                case "quot" -> value = '"';
                default -> {
                    return -1;
                }
            }
        }
        int next = text.at(end) == ';' ? end + 1 : end;
        return (value << 32) | next;
    }
}
