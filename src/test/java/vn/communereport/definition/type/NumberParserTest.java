package vn.communereport.definition.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberParserTest {

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            "2.654;INTEGER;2654",
            "2654;INTEGER;2654",
            "1 702;INTEGER;1702",
            "1\u00a0702;INTEGER;1702",
            "1.234.567;INTEGER;1234567",
            "17.519.353;INTEGER;17519353",
            "0;INTEGER;0",
            "07;INTEGER;7",
            "99,7;PERCENT;99.7",
            "99.7%;PERCENT;99.7",
            "99,7 %;PERCENT;99.7",
            "13,33;PERCENT;13.33",
            "100;PERCENT;100",
            "1.5;DECIMAL;1.5",
            "2.654,5;DECIMAL;2654.5",
            "2,654.5;DECIMAL;2654.5",
            "2\u200b654;INTEGER;2654",
            "  45  ;INTEGER;45",
            "2654 hồ sơ;INTEGER;2654",
            "-0;INTEGER;0",
    })
    void acceptsWhatStaffType(String input, NumberParser.Kind type, BigDecimal expected) {
        NumberParser.Result result = NumberParser.parse(input, type, "Hồ sơ");
        assertThat(result.problem()).isNull();
        assertThat(result.value()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            "abc;INTEGER;NOT_A_NUMBER",
            "12 chuyên mục, 48 tin;INTEGER;NOT_A_NUMBER",
            "210 hội nghị;INTEGER;NOT_A_NUMBER",
            "-5;INTEGER;NEGATIVE",
            "99,7;INTEGER;NOT_WHOLE",
            "101;PERCENT;OVER_HUNDRED",
            "50%;INTEGER;PERCENT_SIGN",
            "1.23.4;INTEGER;NOT_A_NUMBER",
            "1,2,3;INTEGER;NOT_A_NUMBER",
            "😀;INTEGER;NOT_A_NUMBER",
            "5😀;INTEGER;NOT_A_NUMBER",
            "%;PERCENT;EMPTY",
            "1234567890123456789;INTEGER;TOO_LARGE",
    })
    void refusesWithAReason(String input, NumberParser.Kind type, NumberParser.Problem problem) {
        assertThat(NumberParser.parse(input, type, "Hồ sơ").problem()).isEqualTo(problem);
    }
}
