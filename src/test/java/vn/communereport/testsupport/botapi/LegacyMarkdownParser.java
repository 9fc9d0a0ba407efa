package vn.communereport.testsupport.botapi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** parse_mode=Markdown (legacy): *bold* _italic_ `code` ```pre``` [text](url); an unclosed one is refused (TDLib parse_markdown). */
final class LegacyMarkdownParser {
    private LegacyMarkdownParser() {
    }

    static FormattedText parse(String input) throws EntityParseException {
        Utf8Text text = new Utf8Text(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.size);
        List<MessageEntity> entities = new ArrayList<>();
        int utf16 = 0;
        for (int i = 0; i < text.size; i++) {
            int c = text.at(i);
            int next = text.at(i + 1);
            if (c == '\\' && (next == '_' || next == '*' || next == '`' || next == '[')) {
                i++;
                out.write(text.at(i));
                utf16++;
                continue;
            }
            if (c != '_' && c != '*' && c != '`' && c != '[') {
                if (Utf8Text.isFirstCodeUnit(c)) {
                    utf16 += Utf8Text.utf16Units(c);
                }
                out.write(c);
                continue;
            }
            int beginPos = i;
            int endCharacter = c == '[' ? ']' : c;
            boolean isPre = false;
            i++;
            String language = null;
            if (c == '`' && text.at(i) == '`' && text.at(i + 1) == '`') {
                i += 2;
                isPre = true;
                int languageEnd = i;
                while (!Utf8Text.isSpace(text.at(languageEnd)) && text.at(languageEnd) != '`') {
                    languageEnd++;
                }
                if (i != languageEnd && languageEnd < text.size && text.at(languageEnd) != '`') {
                    language = text.ascii(i, languageEnd);
                    i = languageEnd;
                }
                if (text.at(i) == '\n' || text.at(i) == '\r') {
                    if ((text.at(i + 1) == '\n' || text.at(i + 1) == '\r') && text.at(i) != text.at(i + 1)) {
                        i += 2;
                    } else {
                        i++;
                    }
                }
            }
            int entityOffset = utf16;
            while (i < text.size && (text.at(i) != endCharacter
                    || (isPre && !(text.at(i + 1) == '`' && text.at(i + 2) == '`')))) {
                int current = text.at(i);
                if (Utf8Text.isFirstCodeUnit(current)) {
                    utf16 += Utf8Text.utf16Units(current);
                }
                out.write(text.at(i++));
            }
            if (i == text.size) {
                throw new EntityParseException("Can't find end of the entity starting at byte offset " + beginPos);
            }
            if (entityOffset != utf16) {
                int length = utf16 - entityOffset;
                switch (c) {
                    case '_' -> entities.add(MessageEntity.of("italic", entityOffset, length));
                    case '*' -> entities.add(MessageEntity.of("bold", entityOffset, length));
                    case '[' -> {
                        String url;
                        if (text.at(i + 1) != '(') {
                            url = text.ascii(beginPos + 1, i);
                        } else {
                            i += 2;
                            int urlBegin = i;
                            while (i < text.size && text.at(i) != ')') {
                                i++;
                            }
                            url = text.ascii(urlBegin, i);
                        }
                        MessageEntity link = TextFormatting.linkEntity(url, entityOffset, length);
                        if (link != null) {
                            entities.add(link);
                        }
                    }
                    case '`' -> entities.add(isPre
                            ? new MessageEntity("pre", entityOffset, length, null, language, null, null)
                            : MessageEntity.of("code", entityOffset, length));
                    default -> throw new IllegalStateException();
                }
            }
            if (isPre) {
                i += 2;
            }
        }
        return new FormattedText(Utf8Text.decode(out), TextFormatting.sorted(entities));
    }
}
