package vn.communereport.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Compute;
import vn.communereport.definition.Question;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.VietnameseNumbers;

/**
 * The value of every table row: figures as answered, rates computed from their parts. A row is
 * {@link State#PENDING} while an answer it needs has not come in, {@link State#BLANK} when it has no value
 * (a skipped optional figure, a rate whose {@code when_zero} is {@code empty}).
 */
final class Figures {

    enum State { VALUE, TEXT, BLANK, PENDING }

    /** A row's value; {@code waitingFor} names the departments whose answers are still awaited. */
    record Cell(State state, BigDecimal number, String text, Set<String> waitingFor) {

        static final Cell BLANK = new Cell(State.BLANK, null, null, Set.of());

        static Cell of(BigDecimal number) {
            return new Cell(State.VALUE, number, null, Set.of());
        }

        boolean pending() {
            return state == State.PENDING;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Ownership ownership;
    private final Map<String, Cell> cells = new HashMap<>();

    private Figures(Ownership ownership) {
        this.ownership = ownership;
    }

    /** Figures from stored answers keyed by question id. */
    static Figures of(Ownership ownership, Map<String, AnswerValue> answersByQuestion) {
        return of(ownership, answersByQuestion, ownership.report().rows().stream().map(TableRow::code).toList());
    }

    /** Only the given rows (figures, then the rates among them), for checks that read a few rows of a large table. */
    static Figures of(Ownership ownership, Map<String, AnswerValue> answersByQuestion, Collection<String> rowCodes) {
        Figures figures = new Figures(ownership);
        for (String code : rowCodes) {
            TableRow row = ownership.row(code);
            if (row != null && row.kind() == TableRow.Kind.FIGURE) {
                Question question = ownership.rowQuestion(code);
                figures.cells.put(code, figureCell(question, question == null ? null : answersByQuestion.get(question.id())));
            }
        }
        for (String code : rowCodes) {
            TableRow row = ownership.row(code);
            if (row != null && row.kind() == TableRow.Kind.COMPUTED) {
                figures.computed(code, new HashSet<>());
            }
        }
        return figures;
    }

    /** True while a question still needs an answer: none given, or a required one skipped. */
    static boolean awaited(Question question, AnswerValue answer) {
        return answer == null || (answer.skipped() && !question.optional());
    }

    private static Cell figureCell(Question question, AnswerValue answer) {
        if (question == null) {
            return Cell.BLANK;
        }
        if (awaited(question, answer)) {
            return new Cell(State.PENDING, null, null, Set.of(question.departmentCode()));
        }
        if (answer.skipped()) {
            return Cell.BLANK;
        }
        if (answer.number() != null) {
            return Cell.of(answer.number());
        }
        return answer.text() == null || answer.text().isBlank() ? Cell.BLANK : new Cell(State.TEXT, null, answer.text().trim(), Set.of());
    }

    private Cell computed(String code, Set<String> visiting) {
        Cell known = cells.get(code);
        if (known != null) {
            return known;
        }
        TableRow row = ownership.row(code);
        if (row == null || !row.carriesValue() || !visiting.add(code)) {
            return Cell.BLANK;
        }
        Compute compute = row.compute();
        Cell numerator = computed(compute.numerator(), visiting);
        Cell denominator = computed(compute.denominator(), visiting);
        Cell result;
        if (numerator.pending() || denominator.pending()) {
            Set<String> waiting = new LinkedHashSet<>(numerator.waitingFor());
            waiting.addAll(denominator.waitingFor());
            result = new Cell(State.PENDING, null, null, Set.copyOf(waiting));
        } else {
            BigDecimal rate = rate(numerator.number(), denominator.number(), compute);
            result = rate == null ? Cell.BLANK : Cell.of(rate);
        }
        cells.put(code, result);
        return result;
    }

    /**
     * numerator / denominator × 100, rounded half-up to {@code decimals}, trailing zeros dropped. A zero or missing
     * denominator gives what {@code when_zero} says (null for {@code empty}); a missing numerator gives null.
     */
    static BigDecimal rate(BigDecimal numerator, BigDecimal denominator, Compute compute) {
        if (denominator == null || denominator.signum() == 0) {
            return switch (compute.whenZero()) {
                case ZERO -> BigDecimal.ZERO;
                case HUNDRED -> HUNDRED;
                case EMPTY -> null;
            };
        }
        if (numerator == null) {
            return null;
        }
        BigDecimal value = numerator.multiply(HUNDRED).divide(denominator, compute.decimals(), RoundingMode.HALF_UP);
        return plain(value);
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    Cell cell(String code) {
        Cell cell = cells.get(code);
        return cell == null ? Cell.BLANK : cell;
    }

    /** The row's number, or null when it has none (text, blank, pending, section or group row). */
    BigDecimal number(String code) {
        return cell(code).number();
    }

    boolean pending(String code) {
        return cell(code).pending();
    }

    /** The value written the Vietnamese way ("2.654", "99,94"), the text answer, or "" when there is none. */
    String display(String code) {
        Cell cell = cell(code);
        return switch (cell.state()) {
            case VALUE -> VietnameseNumbers.format(cell.number());
            case TEXT -> cell.text();
            default -> "";
        };
    }

    /** The departments a pending row waits for, in the given order of departments. */
    List<String> waitingFor(String code, List<String> departmentOrder) {
        Set<String> waiting = cell(code).waitingFor();
        return departmentOrder.stream().filter(waiting::contains).toList();
    }
}
