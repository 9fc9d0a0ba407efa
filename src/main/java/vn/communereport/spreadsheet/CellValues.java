package vn.communereport.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.definition.Wording;

/**
 * A stored value as a cell holds it, written so that the question's type reads it back as the same value: numbers
 * the Vietnamese way ("2.654", "99,7"), yes/no as the words the type reads ("Có"), texts as they are. And the short
 * fingerprint of a value, which the template keeps beside each cell so an import can tell what the person changed.
 */
final class CellValues {

    private CellValues() {
    }

    static String cellText(Question question, AnswerValue value, Wording wording) {
        if (value == null || value.skipped()) {
            return "";
        }
        if (question.type() == QuestionType.YESNO) {
            return wording.get(value.number() != null && value.number().signum() > 0 ? "value.yes" : "value.no");
        }
        if (question.type().numeric()) {
            return value.number() == null ? "" : VietnameseNumbers.format(value.number());
        }
        return value.text() == null ? "" : value.text();
    }

    /** The same for equal values whatever their scale; 16 hex digits of SHA-256 are plenty to tell edits apart. */
    static String fingerprint(AnswerValue value) {
        String canonical;
        if (value == null) {
            canonical = "none";
        } else if (value.skipped()) {
            canonical = "skipped";
        } else if (value.number() != null) {
            canonical = "n:" + AnswerValue.ofNumber(value.number()).text();
        } else {
            canonical = "t:" + (value.text() == null ? "" : value.text());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
