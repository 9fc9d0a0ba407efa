package vn.communereport.access;

import java.security.SecureRandom;

/** The shape of an invite code: ten letters and digits that are read aloud and typed on phones. */
final class InviteCodes {

    // No 0/O, 1/I/L: easy to mistake for one another.
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, forgiving case, spaces and the dash shown in the middle. */
    static String normalize(String text) {
        return text == null ? "" : text.trim().toUpperCase().replace("-", "").replace(" ", "");
    }

    static boolean looksLikeOne(String text) {
        String normalized = normalize(text);
        return normalized.length() == LENGTH && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
