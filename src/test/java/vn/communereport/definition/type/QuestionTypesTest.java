package vn.communereport.definition.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.communereport.definition.Choice;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.Reading;
import vn.communereport.definition.Slot;
import vn.communereport.messaging.TestTexts;
import vn.communereport.messaging.Texts;

/** Each type reads, shows and places its answers; every text it names is in the bundles. */
class QuestionTypesTest {

    static final Texts TEXTS = TestTexts.vietnamese();

    @ParameterizedTest
    @CsvSource({"05/01/2026,05/01/2026", "5/1/2026,05/01/2026", "5-1-2026,05/01/2026", "5.1.2026,05/01/2026",
            "' 29/2/2028 ',29/02/2028", "31/12/2026,31/12/2026", "5 / 1 / 2026,05/01/2026"})
    void aDateIsReadDayFirstAndKeptAsItIsShown(String typed, String stored) {
        Reading reading = QuestionType.DATE.read(typed, null, TEXTS);
        assertThat(reading.ok()).as(typed).isTrue();
        assertThat(reading.text()).isEqualTo(stored);
        assertThat(QuestionType.DATE.show(null, reading.text(), null, TEXTS)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"31/2/2026,date.no-such-day", "29/2/2026,date.no-such-day", "0/1/2026,date.no-such-day",
            "5/13/2026,date.no-such-day", "05/01,date.invalid", "2026-01-05,date.invalid", "hôm qua,date.invalid",
            "5/1/26,date.invalid", "'',input.empty"})
    void aDateThatIsNotOneIsRefusedWithItsReason(String typed, String problem) {
        Reading reading = QuestionType.DATE.read(typed, null, TEXTS);
        assertThat(reading.ok()).isFalse();
        assertThat(reading.problemKey()).isEqualTo(problem);
        assertThat(TEXTS.get(reading.problemKey(), reading.problemArgs())).doesNotContain("{0}").isNotBlank();
    }

    @Test
    void aDateFillsATableRowButNotANarrativeBlock() {
        assertThat(QuestionType.DATE.mayFill(Slot.Kind.TABLE_ROW)).isTrue();
        assertThat(QuestionType.DATE.mayFill(Slot.Kind.BLOCK)).isFalse();
        assertThat(QuestionType.DATE.numeric()).isFalse();
        assertThat(QuestionType.fromYaml("date")).contains(QuestionType.DATE);
    }

    @ParameterizedTest
    @CsvSource({"có,1", "Có,1", "co,1", "1,1", "không,0", "Không,0", "ko,0", "0,0"})
    void yesAndNoAreReadFromTheWordsInTheBundle(String typed, int expected) {
        assertThat(QuestionType.YESNO.read(typed, null, TEXTS).number()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"có lẽ", "2", "maybe"})
    void otherYesNoAnswersAreRefused(String typed) {
        assertThat(QuestionType.YESNO.read(typed, null, TEXTS).problemKey()).isEqualTo("yesno.invalid");
    }

    @Test
    void everyTypeHasItsHintAndEveryChoiceItsLabel() {
        for (QuestionType type : QuestionType.ALL) {
            assertThat(TEXTS.get(type.hintKey())).as(type.yamlName()).isNotBlank();
            for (Choice choice : type.choices()) {
                assertThat(TEXTS.get(choice.labelKey())).isNotBlank();
                assertThat(type.read(choice.input(), null, TEXTS).ok()).as("a choice reads as an answer").isTrue();
            }
        }
    }

    @Test
    void numbersAreShownTheVietnameseWayWithTheirUnit() {
        assertThat(QuestionType.INTEGER.show(new BigDecimal("2654"), null, "Hồ sơ", TEXTS)).isEqualTo("2.654 hồ sơ");
        assertThat(QuestionType.PERCENT.show(new BigDecimal("99.7"), null, null, TEXTS)).isEqualTo("99,7%");
        assertThat(QuestionType.YESNO.show(BigDecimal.ONE, null, null, TEXTS)).isEqualTo(TEXTS.get("value.yes"));
    }

    @Test
    void onlyANarrativeFillsABlockAndIsGathered() {
        for (QuestionType type : QuestionType.ALL) {
            assertThat(type.mayFill(Slot.Kind.BLOCK)).as(type.yamlName()).isEqualTo(type == QuestionType.NARRATIVE);
            assertThat(type.gathered()).as(type.yamlName()).isEqualTo(type == QuestionType.NARRATIVE);
        }
    }
}
