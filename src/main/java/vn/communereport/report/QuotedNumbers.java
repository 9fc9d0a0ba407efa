package vn.communereport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a sentence quotes, read the Vietnamese way ("1.837", "99,56", "07"), to compare a member's own version
 * of a drafted sentence with the figures of the table.
 */
final class QuotedNumbers {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?![\\d])|(?<![\\d.,])\\d+(?:,\\d+)?(?![\\d])");

    private QuotedNumbers() {
    }

    /** Each number of the text as written, in order. */
    static List<String> in(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    static BigDecimal value(String written) {
        return new BigDecimal(written.replace(".", "").replace(',', '.'));
    }

    /** The numbers of {@code own} that the drafted sentence does not quote: figures quoted differently from the table. */
    static List<String> unmatched(String own, String drafted) {
        List<BigDecimal> quoted = in(drafted).stream().map(QuotedNumbers::value).toList();
        Set<String> strays = new LinkedHashSet<>();
        for (String number : in(own)) {
            BigDecimal value = value(number);
            if (quoted.stream().noneMatch(q -> q.compareTo(value) == 0)) {
                strays.add(number);
            }
        }
        return List.copyOf(strays);
    }
}
