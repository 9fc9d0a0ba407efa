package vn.communereport.testsupport.botapi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * parse_mode=MarkdownV2 with Telegram's rules (TDLib parse_markdown_v2): every one of _ * [ ] ( ) ~ ` > # + - = | { } . !
 * outside an entity must be escaped with '\', entities must be closed, '>' only starts a quote at a line start.
 * Inside code/pre only '`' (and '\') are special.
 */
final class MarkdownV2Parser {
    private static final String RESERVED = "_*[]()~`>#+-=|{}.!\n";

    private enum Type {
        BOLD("Bold", "bold"), ITALIC("Italic", "italic"), UNDERLINE("Underline", "underline"),
        STRIKETHROUGH("Strikethrough", "strikethrough"), SPOILER("Spoiler", "spoiler"), CODE("Code", "code"),
        PRE("Pre", "pre"), PRE_CODE("PreCode", "pre"), TEXT_URL("TextUrl", "text_link"),
        CUSTOM_EMOJI("CustomEmoji", "custom_emoji"), BLOCKQUOTE("BlockQuote", "blockquote"),
        EXPANDABLE_BLOCKQUOTE("ExpandableBlockQuote", "expandable_blockquote");

        final String tdName;
        final String apiName;

        Type(String tdName, String apiName) {
            this.tdName = tdName;
            this.apiName = apiName;
        }
    }

    private static final class Open {
        final Type type;
        final String argument;
        final int utf16Offset;
        final int byteOffset;
        final int outputPosition;

        Open(Type type, String argument, int utf16Offset, int byteOffset, int outputPosition) {
            this.type = type;
            this.argument = argument;
            this.utf16Offset = utf16Offset;
            this.byteOffset = byteOffset;
            this.outputPosition = outputPosition;
        }
    }

    private MarkdownV2Parser() {
    }

    private static EntityParseException reserved(int c) {
        return new EntityParseException("Character '" + (char) c + "' is reserved and must be escaped with the preceding '\\'");
    }

    private static EntityParseException unclosed(Open open) {
        return new EntityParseException("Can't find end of " + open.type.tdName + " entity at byte offset " + open.byteOffset);
    }

    private static boolean isEscapable(int c) {
        return c > 0 && c <= 126;
    }

    static FormattedText parse(String input) throws EntityParseException {
        Utf8Text text = new Utf8Text(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.size);
        List<MessageEntity> entities = new ArrayList<>();
        List<Open> nested = new ArrayList<>();
        int utf16 = 0;
        boolean haveBlockquote = false;
        boolean canStartBlockquote = true;

        for (int i = 0; i < text.size; i++) {
            int c = text.at(i);
            if (c == '\\' && isEscapable(text.at(i + 1))) {
                i++;
                utf16 += 1;
                out.write(text.at(i));
                if (text.at(i) != '\r') {
                    canStartBlockquote = text.at(i) == '\n';
                }
                continue;
            }
            Open top = nested.isEmpty() ? null : nested.get(nested.size() - 1);
            String reserved = top != null && (top.type == Type.CODE || top.type == Type.PRE || top.type == Type.PRE_CODE)
                    ? "`" : RESERVED;
            if (reserved.indexOf(c) < 0) {
                if (Utf8Text.isFirstCodeUnit(c)) {
                    utf16 += Utf8Text.utf16Units(c);
                    if (c != '\r') {
                        canStartBlockquote = false;
                    }
                }
                out.write(c);
                continue;
            }

            if (!isEndOfEntity(text, i, c, top, haveBlockquote)) {
                Type type;
                String argument = "";
                int entityByteOffset = i;
                switch (c) {
                    case '_' -> {
                        if (text.at(i + 1) == '_') {
                            type = Type.UNDERLINE;
                            i++;
                        } else {
                            type = Type.ITALIC;
                        }
                    }
                    case '*' -> type = Type.BOLD;
                    case '~' -> type = Type.STRIKETHROUGH;
                    case '|' -> {
                        if (text.at(i + 1) != '|') {
                            throw reserved(c);
                        }
                        i++;
                        type = Type.SPOILER;
                    }
                    case '[' -> type = Type.TEXT_URL;
                    case '`' -> {
                        if (text.at(i + 1) == '`' && text.at(i + 2) == '`') {
                            i += 3;
                            type = Type.PRE;
                            int languageEnd = i;
                            while (!Utf8Text.isSpace(text.at(languageEnd)) && text.at(languageEnd) != '`') {
                                languageEnd++;
                            }
                            if (i != languageEnd && languageEnd < text.size && text.at(languageEnd) != '`') {
                                type = Type.PRE_CODE;
                                argument = text.ascii(i, languageEnd);
                                i = languageEnd;
                            }
                            // one new line right after the opening ``` is not part of the text
                            if (text.at(i) == '\n' || text.at(i) == '\r') {
                                if ((text.at(i + 1) == '\n' || text.at(i + 1) == '\r') && text.at(i) != text.at(i + 1)) {
                                    i += 2;
                                } else {
                                    i++;
                                }
                            }
                            i--;
                        } else {
                            type = Type.CODE;
                        }
                    }
                    case '!' -> {
                        if (text.at(i + 1) != '[') {
                            throw reserved(c);
                        }
                        i++;
                        type = Type.CUSTOM_EMOJI;
                    }
                    case '\n' -> {
                        utf16 += 1;
                        out.write('\n');
                        canStartBlockquote = true;
                        type = null;
                    }
                    case '>' -> {
                        if (!canStartBlockquote) {
                            throw reserved(c);
                        }
                        if (haveBlockquote) {
                            type = null; // continuation line of the current quote
                        } else {
                            type = Type.BLOCKQUOTE;
                            haveBlockquote = true;
                        }
                    }
                    default -> throw reserved(c);
                }
                if (type != null) {
                    nested.add(new Open(type, argument, utf16, entityByteOffset, out.size()));
                }
                continue;
            }

            // end of the innermost entity
            Type type = top.type;
            if (c == '\n' && type != Type.BLOCKQUOTE) {
                // "||" right before the end of a quote line makes the quote expandable
                byte[] written = out.toByteArray();
                boolean spoilerMarker = type == Type.SPOILER && (top.byteOffset == i - 2
                        || (top.byteOffset == i - 3 && written.length != 0 && written[written.length - 1] == '\r'));
                if (!spoilerMarker) {
                    throw unclosed(top);
                }
                nested.remove(nested.size() - 1);
                top = nested.get(nested.size() - 1);
                if (top.type != Type.BLOCKQUOTE) {
                    throw unclosed(top);
                }
                type = Type.EXPANDABLE_BLOCKQUOTE;
            }
            String argument = top.argument;
            boolean skipEntity = utf16 == top.utf16Offset;
            String url = null;
            String customEmojiId = null;
            switch (type) {
                case BOLD, ITALIC, CODE, STRIKETHROUGH -> {
                }
                case UNDERLINE, SPOILER -> i++;
                case PRE, PRE_CODE -> i += 2;
                case TEXT_URL -> {
                    if (text.at(i + 1) != '(') {
                        url = Utf8Text.decode(out, top.outputPosition);
                    } else {
                        i += 2;
                        int urlBegin = i;
                        ByteArrayOutputStream urlBytes = new ByteArrayOutputStream();
                        while (i < text.size && text.at(i) != ')') {
                            if (text.at(i) == '\\' && isEscapable(text.at(i + 1))) {
                                urlBytes.write(text.at(i + 1));
                                i += 2;
                                continue;
                            }
                            urlBytes.write(text.at(i++));
                        }
                        if (text.at(i) != ')') {
                            throw new EntityParseException("Can't find end of a URL at byte offset " + urlBegin);
                        }
                        url = Utf8Text.decode(urlBytes);
                    }
                }
                case CUSTOM_EMOJI -> {
                    if (text.at(i + 1) != '(') {
                        throw new EntityParseException("The entity must contain a tg://emoji or tg://time URL");
                    }
                    i += 2;
                    int urlBegin = i;
                    ByteArrayOutputStream urlBytes = new ByteArrayOutputStream();
                    while (i < text.size && text.at(i) != ')') {
                        if (text.at(i) == '\\' && isEscapable(text.at(i + 1))) {
                            urlBytes.write(text.at(i + 1));
                            i += 2;
                            continue;
                        }
                        urlBytes.write(text.at(i++));
                    }
                    if (text.at(i) != ')') {
                        throw new EntityParseException("Can't find end of a URL at byte offset " + urlBegin);
                    }
                    String link = Utf8Text.decode(urlBytes);
                    if (link.matches("tg://emoji\\?id=[1-9][0-9]*")) {
                        customEmojiId = link.substring("tg://emoji?id=".length());
                    } else if (link.startsWith("tg://time?unix=")) {
                        skipEntity = true; // formatted dates are not modelled; the inner text stays
                    } else {
                        throw new EntityParseException("Invalid tg://emoji or tg://time URL specified");
                    }
                }
                case BLOCKQUOTE, EXPANDABLE_BLOCKQUOTE -> {
                    haveBlockquote = false;
                    out.write(text.at(i));
                    canStartBlockquote = true;
                    utf16 += 1;
                    skipEntity = false;
                }
                default -> throw new IllegalStateException(type.name());
            }
            if (!skipEntity) {
                int offset = top.utf16Offset;
                int length = utf16 - offset;
                if (type == Type.TEXT_URL) {
                    MessageEntity link = TextFormatting.linkEntity(url, offset, length);
                    if (link != null) {
                        entities.add(link);
                    }
                } else if (type == Type.CUSTOM_EMOJI) {
                    entities.add(new MessageEntity("custom_emoji", offset, length, null, null, customEmojiId, null));
                } else if (type == Type.PRE_CODE) {
                    entities.add(new MessageEntity("pre", offset, length, null, argument, null, null));
                } else {
                    entities.add(MessageEntity.of(type.apiName, offset, length));
                }
            }
            nested.remove(nested.size() - 1);
        }
        if (haveBlockquote) {
            Open top = nested.get(nested.size() - 1);
            Type type = Type.BLOCKQUOTE;
            if (top.type == Type.SPOILER && top.byteOffset == text.size - 2) {
                nested.remove(nested.size() - 1);
                top = nested.get(nested.size() - 1);
                type = Type.EXPANDABLE_BLOCKQUOTE;
            }
            if (top.type == Type.BLOCKQUOTE) {
                int length = utf16 - top.utf16Offset;
                if (length != 0) {
                    entities.add(MessageEntity.of(type.apiName, top.utf16Offset, length));
                }
                nested.remove(nested.size() - 1);
            }
        }
        if (!nested.isEmpty()) {
            throw unclosed(nested.get(nested.size() - 1));
        }
        return new FormattedText(Utf8Text.decode(out), TextFormatting.sorted(entities));
    }

    private static boolean isEndOfEntity(Utf8Text text, int i, int c, Open top, boolean haveBlockquote) {
        if (top == null) {
            return false;
        }
        if (haveBlockquote && c == '\n' && (i + 1 == text.size || text.at(i + 1) != '>')) {
            return true;
        }
        return switch (top.type) {
            case BOLD -> c == '*';
            case ITALIC -> c == '_' && text.at(i + 1) != '_';
            case CODE -> c == '`';
            case PRE, PRE_CODE -> c == '`' && text.at(i + 1) == '`' && text.at(i + 2) == '`';
            case TEXT_URL, CUSTOM_EMOJI -> c == ']';
            case UNDERLINE -> c == '_' && text.at(i + 1) == '_';
            case STRIKETHROUGH -> c == '~';
            case SPOILER -> c == '|' && text.at(i + 1) == '|';
            case BLOCKQUOTE, EXPANDABLE_BLOCKQUOTE -> false;
        };
    }
}
