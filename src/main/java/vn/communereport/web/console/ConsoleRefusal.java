package vn.communereport.web.console;

import org.springframework.http.HttpStatus;

/** A console request that is refused whole: the page says why, in Vietnamese, and nothing stored has changed. */
class ConsoleRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;

    ConsoleRefusal(HttpStatus status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Several reports are open and the administrator has not chosen one yet. */
    static ConsoleRefusal reportNotChosen() {
        return new ConsoleRefusal(HttpStatus.CONFLICT, "console.report-choice.first");
    }

    boolean choiceFirst() {
        return "console.report-choice.first".equals(messageKey);
    }

    static ConsoleRefusal forbidden() {
        return new ConsoleRefusal(HttpStatus.FORBIDDEN, "console.error.forbidden");
    }

    static ConsoleRefusal notFound(String messageKey, Object... args) {
        return new ConsoleRefusal(HttpStatus.NOT_FOUND, messageKey, args);
    }

    HttpStatus status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
