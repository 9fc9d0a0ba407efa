package vn.communereport.definition;

import java.util.List;
import java.util.Optional;

/** The ordered questions one department answers for a report. */
public record Flow(String departmentCode, String intro, List<Question> questions) {

    public int size() {
        return questions.size();
    }

    /** Position of a question, 0-based, or -1. */
    public int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Question> question(String questionId) {
        int index = indexOf(questionId);
        return index < 0 ? Optional.empty() : Optional.of(questions.get(index));
    }
}
