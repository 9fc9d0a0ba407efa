package vn.communereport.conversation;

import java.util.Optional;

/**
 * What a question's message was about, kept with the sent message: the period, the question and the version
 * of the answer it showed. A person who replies to that message answers that question, checked against that
 * version.
 */
record QuestionTopic(long periodId, String questionId, Long shownVersion) {

    private static final String PREFIX = "q:";

    static String of(long periodId, String questionId, Long shownVersion) {
        return PREFIX + periodId + ":" + questionId + ":" + (shownVersion == null ? "" : shownVersion);
    }

    static Optional<QuestionTopic> read(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(PREFIX.length()).split(":", -1);
        try {
            return Optional.of(new QuestionTopic(Long.parseLong(parts[0]), parts[1], parts[2].isEmpty() ? null : Long.valueOf(parts[2])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
