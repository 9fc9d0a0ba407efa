package vn.communereport.answering;

import vn.communereport.collection.AnswerValue;

/** What a person gave for one question: text as they typed it, or a value a button or form already holds. */
public sealed interface AnswerInput {

    record Typed(String text) implements AnswerInput {
    }

    record Given(AnswerValue value) implements AnswerInput {
    }

    static AnswerInput typed(String text) {
        return new Typed(text);
    }

    static AnswerInput given(AnswerValue value) {
        return new Given(value);
    }
}
