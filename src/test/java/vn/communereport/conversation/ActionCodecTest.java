package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Button data is made and read in one place, fits Telegram's 64 bytes, and a forged one is refused. */
class ActionCodecTest {

    static final ChannelLimits TELEGRAM = new ChannelLimits() {
        public int messageLength() {
            return 3800;
        }

        public int buttonsPerRow() {
            return 8;
        }

        public int buttonDataBytes() {
            return 64;
        }
    };

    final ActionCodec codec = new ActionCodec(TELEGRAM);

    static String longestArgument(Act act) {
        return switch (act.arg) {
            case NONE -> "";
            case QUESTION -> "q".repeat(24);
            case CHOICE -> "q".repeat(24) + ":" + "1".repeat(12);
            case NUMBER, NUMBER_OR_EMPTY -> "9".repeat(18);
            case CODE, CODE_OR_EMPTY -> "d".repeat(40);
        };
    }

    @ParameterizedTest
    @EnumSource(Act.class)
    void everyActionGoesThereAndBackWithinSixtyFourBytes(Act act) {
        Action action = new Action(act, longestArgument(act));
        String data = codec.encode(action);
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(codec.decode(data)).contains(action);
    }

    @Test
    void theCodesOfButtonsAlreadyInChatsStillMeanTheSame() {
        assertThat(codec.decode("draft|42")).contains(new Action(Act.COMPILE, "42"));
        assertThat(codec.decode("y|so-hs")).contains(new Action(Act.YES, "so-hs"));
        assertThat(codec.decode("edl|0")).contains(new Action(Act.EDIT_LIST, "0"));
        assertThat(codec.decode("rem|all")).contains(new Action(Act.REMIND, "all"));
        assertThat(codec.decode("okp|2026-H1")).contains(new Action(Act.OPEN_PERIOD, "2026-H1"));
        assertThat(codec.decode("inv|")).contains(new Action(Act.INVITE, ""));
        assertThat(codec.decode("go")).contains(new Action(Act.CONTINUE, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zz", "zz|1", "draft|abc", "subok|", "subok|-1", "rvk|1 or 1=1", "ed|../../etc", "ed|",
            "go|extra", "ch|q1", "ch|q1:<script>", "y|Q1", "edl|99999999999999999999",
            "ed|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void forgedOrMalformedDataMeansNothing(String data) {
        assertThat(codec.decode(data)).isEmpty();
    }

    @Test
    void nullMeansNothing() {
        assertThat(codec.decode(null)).isEmpty();
    }

    @Test
    void anActionTooLongForTheChannelIsABugCaughtWhenTheButtonIsMade() {
        ActionCodec tight = new ActionCodec(new ChannelLimits() {
            public int messageLength() {
                return 100;
            }

            public int buttonsPerRow() {
                return 2;
            }

            public int buttonDataBytes() {
                return 8;
            }
        });
        assertThatThrownBy(() -> tight.encode(Action.of(Act.EDIT, "a-long-question"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceNamesItsQuestionAndItsInput() {
        Action choice = codec.decode("ch|co-ke-hoach:1").orElseThrow();
        assertThat(choice.questionId()).isEqualTo("co-ke-hoach");
        assertThat(choice.choice()).isEqualTo("1");
    }
}
