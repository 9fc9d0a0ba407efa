package vn.communereport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/** Plays a department member answering the questions the bot puts, as a person on a phone would. */
public final class FlowDriver {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern HEADER = Pattern.compile("Câu (\\d+)/(\\d+)");

    private final FakeUser user;
    private final Flow flow;
    private final Function<Question, String> answers;
    private Function<Question, String> corrections = q -> "0";
    private final java.util.List<String> refused = new java.util.ArrayList<>();
    private final java.util.List<String> confirmedWarnings = new java.util.ArrayList<>();

    public FlowDriver(FakeUser user, Flow flow, Function<Question, String> answers) {
        this.user = user;
        this.flow = flow;
        this.answers = answers;
    }

    /** What to answer when the bot refuses a figure for breaking a rule. */
    public FlowDriver correctingWith(Function<Question, String> corrections) {
        this.corrections = corrections;
        return this;
    }

    /** The bot's refusals ("Số liệu không hợp lệ: …") met on the way. */
    public java.util.List<String> refused() {
        return refused;
    }

    /** The reason given for every warning kept on the way. */
    public static final String REASON = "Số liệu đã đối chiếu với sổ theo dõi";

    /** The warnings the bot asked to confirm on the way (confirmed with «Vẫn lưu» and {@link #REASON}). */
    public java.util.List<String> confirmedWarnings() {
        return confirmedWarnings;
    }

    /** The question a bot message puts, or null when it puts none. */
    public Question questionIn(SentMessage message) {
        Matcher m = HEADER.matcher(message.text());
        if (!m.find()) {
            return null;
        }
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(flow.size());
        return flow.questions().get(Integer.parseInt(m.group(1)) - 1);
    }

    public SentMessage nextQuestionOrReview() {
        return user.awaitMessage(m -> HEADER.matcher(m.text()).find() || m.text().startsWith("📋")
                || m.text().contains("\n📋") || m.buttonData().stream().anyMatch(d -> d.startsWith("wy|")), WAIT);
    }

    /** Answers the question shown in {@code message}; returns the bot's next question or review. */
    public SentMessage answer(SentMessage message) {
        Question question = questionIn(message);
        assertThat(question).as("a question in «%s»", message.text()).isNotNull();
        String answer = answers.apply(question);
        if (question.type() == QuestionType.NARRATIVE) {
            user.sends(answer);
            SentMessage ack = user.awaitText("Đã lưu bản nháp", WAIT);
            assertThat(ack.buttonData()).contains("d|" + question.id());
            user.presses("d|" + question.id());
        } else if (question.type() == QuestionType.YESNO) {
            user.presses("ch|" + question.id() + ":" + ("1".equals(answer) ? "1" : "0"));
        } else if (answer == null || answer.isEmpty()) {
            assertThat(question.optional()).isTrue();
            user.presses("s|" + question.id());
        } else {
            user.sends(answer);
        }
        SentMessage next = settle(question, nextQuestionOrReview());
        if (question.equals(questionIn(next)) && next.text().contains("Số liệu không hợp lệ")) {
            refused.add(next.text());
            user.sends(corrections.apply(question));
            next = settle(question, nextQuestionOrReview());
        }
        return next;
    }

    private SentMessage settle(Question question, SentMessage next) {
        if (next.buttonData().contains("wy|" + question.id())) {
            confirmedWarnings.add(next.text());
            user.presses("wy|" + question.id());
            // a warning kept needs a short reason before it is stored
            user.awaitMessage(m -> m.buttonData().contains("wn|" + question.id()) && m.text().contains("nêu lý do"), WAIT);
            user.sends(REASON);
            return nextQuestionOrReview();
        }
        return next;
    }

    /** Answers from the current question until the review; {@code stopAfter} answers at most, then returns. */
    public SentMessage answerUntilReview(SentMessage current, int stopAfter) {
        SentMessage message = current;
        int answered = 0;
        while (questionIn(message) != null && answered < stopAfter) {
            message = answer(message);
            answered++;
            assertThat(answered).as("answers given; the bot keeps asking: %s", message.text()).isLessThan(3 * flow.size() + 10);
        }
        return message;
    }

    public static Function<Question, String> fromTable(Map<String, String> figures) {
        return question -> {
            if (question.type() == QuestionType.NARRATIVE) {
                return "Nội dung mục " + question.fills().ref() + " do phòng soạn: công tác được triển khai đúng kế hoạch.";
            }
            if (question.type() == QuestionType.TEXT) {
                return "Ghi chú";
            }
            if (question.type() == QuestionType.YESNO) {
                return "1";
            }
            String value = figures.getOrDefault(question.fills().ref(), "");
            return value.matches("[0-9.,]+") ? value : question.optional() ? "" : "0";
        };
    }
}
