package vn.communereport.testsupport.botapi;

/** Markup that Telegram refuses; the message is the part after "Bad Request: can't parse entities: ". */
final class EntityParseException extends Exception {
    EntityParseException(String message) {
        super(message);
    }
}
