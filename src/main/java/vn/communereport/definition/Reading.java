package vn.communereport.definition;

import java.math.BigDecimal;

/**
 * What a question type made of a person's input: a number, a text, or the reason it is not an answer (a
 * message key with its arguments).
 */
public record Reading(BigDecimal number, String text, String problemKey, Object[] problemArgs) {

    public static Reading ofNumber(BigDecimal number) {
        return new Reading(number, null, null, null);
    }

    public static Reading ofText(String text) {
        return new Reading(null, text, null, null);
    }

    public static Reading problem(String key, Object... args) {
        return new Reading(null, null, key, args);
    }

    public boolean ok() {
        return problemKey == null;
    }
}
