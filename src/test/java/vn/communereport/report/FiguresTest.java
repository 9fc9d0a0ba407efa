package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Compute;

class FiguresTest {

    private static final Compute TWO_ZERO = new Compute("n", "d", 2, Compute.WhenZero.ZERO);

    @Test
    void ratesAreRoundedHalfUpWithTrailingZerosDropped() {
        assertThat(Figures.rate(bd("45"), bd("79"), TWO_ZERO)).isEqualByComparingTo("56.96");
        assertThat(Figures.rate(bd("1701"), bd("1702"), TWO_ZERO)).isEqualByComparingTo("99.94");
        assertThat(Figures.rate(bd("8"), bd("60"), TWO_ZERO)).isEqualByComparingTo("13.33");
        assertThat(Figures.rate(bd("1"), bd("8"), TWO_ZERO).toPlainString()).isEqualTo("12.5");
        assertThat(Figures.rate(bd("1"), bd("400"), TWO_ZERO).toPlainString()).isEqualTo("0.25");
        assertThat(Figures.rate(bd("1"), bd("800"), TWO_ZERO).toPlainString()).as("0,125 half-up").isEqualTo("0.13");
        assertThat(Figures.rate(bd("730"), bd("730"), TWO_ZERO).toPlainString()).isEqualTo("100");
        assertThat(Figures.rate(bd("2"), bd("3"), new Compute("n", "d", 0, Compute.WhenZero.ZERO)).toPlainString()).isEqualTo("67");
    }

    @Test
    void aZeroOrMissingDenominatorFollowsWhenZero() {
        assertThat(Figures.rate(bd("0"), bd("0"), new Compute("n", "d", 2, Compute.WhenZero.ZERO))).isEqualByComparingTo("0");
        assertThat(Figures.rate(bd("0"), bd("0"), new Compute("n", "d", 2, Compute.WhenZero.HUNDRED))).isEqualByComparingTo("100");
        assertThat(Figures.rate(bd("0"), bd("0"), new Compute("n", "d", 2, Compute.WhenZero.EMPTY))).isNull();
        assertThat(Figures.rate(bd("3"), null, new Compute("n", "d", 2, Compute.WhenZero.HUNDRED))).isEqualByComparingTo("100");
        assertThat(Figures.rate(null, bd("5"), TWO_ZERO)).as("no numerator, no rate").isNull();
    }

    @Test
    void theSeedTableComputesItsRatesFromTheirParts() {
        Figures figures = SeedFixture.seedData(null).figures();
        // I.2: the seed prints 56 (decimals cut off); 45 / 79 = 56,96.
        assertThat(figures.display("I.2")).isEqualTo("56,96");
        // III.3.2: the seed prints 99,7; its own parts 2.677 / 2.647 give 101,13.
        assertThat(figures.display("III.3.2")).isEqualTo("101,13");
        assertThat(figures.display("I.3.2")).isEqualTo("0");
        assertThat(figures.display("II.2.2")).isEqualTo("100");
        assertThat(figures.display("II.3.2")).isEqualTo("100");
        assertThat(figures.display("III.3.3")).isEqualTo("0");
        assertThat(figures.display("VI.1")).isEmpty();
        assertThat(figures.cell("VI.1").state()).isEqualTo(Figures.State.BLANK);
        assertThat(figures.display("VII.3")).isEqualTo("100");
        assertThat(figures.display("VII.4.4")).isEqualTo("99,94");
        assertThat(figures.display("VII.4.5")).isEqualTo("13,33");
        assertThat(figures.display("III.3.1")).isEqualTo("2.654");
        assertThat(figures.display("III.4")).isEqualTo("99,65");
        assertThat(figures.display("III.2.2")).as("skipped optional figure").isEmpty();
        assertThat(figures.pending("III.2.2")).isFalse();
    }

    @Test
    void aRateWaitsForTheDepartmentsOwingItsParts() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("I.2.1").id());
        Figures figures = Figures.of(SeedFixture.OWNERSHIP, answers);
        assertThat(figures.pending("I.2.1")).isTrue();
        assertThat(figures.pending("I.2")).isTrue();
        assertThat(figures.display("I.2")).isEmpty();
        assertThat(figures.waitingFor("I.2", java.util.List.of("van-phong", "kinh-te", "van-hoa-xa-hoi", "trung-tam-hcc")))
                .containsExactly("van-hoa-xa-hoi");
    }

    @Test
    void aRequiredFigureSkippedIsStillAwaited() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.put(SeedFixture.OWNERSHIP.rowQuestion("III.3.1").id(), AnswerValue.SKIPPED);
        assertThat(Figures.of(SeedFixture.OWNERSHIP, answers).pending("III.3.1")).isTrue();
    }

    private static BigDecimal bd(String text) {
        return new BigDecimal(text);
    }
}
