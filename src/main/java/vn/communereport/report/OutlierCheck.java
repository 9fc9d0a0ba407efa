package vn.communereport.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.OutlierPolicy;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.Slot;
import vn.communereport.definition.TableRow;

/**
 * Figures against history: a figure is compared with its value in the same report's last closed period of the same
 * commune, and with its row's plausible range, by the report's {@link OutlierPolicy}.
 */
@Service
public class OutlierCheck {

    private final ReportScopes scopes;
    private final PeriodService periods;
    private final CollectionService collection;

    OutlierCheck(ReportScopes scopes, PeriodService periods, CollectionService collection) {
        this.scopes = scopes;
        this.periods = periods;
        this.collection = collection;
    }

    /** What the limits find in one new figure of a question. */
    @Transactional(readOnly = true)
    public List<Outlier> check(ReportingPeriod period, Question question, BigDecimal value) {
        Optional<ReportDefinition> report = report(period);
        if (value == null || report.isEmpty() || !measured(question)) {
            return List.of();
        }
        OutlierPolicy policy = report.get().outliers();
        Optional<TableRow> row = report.get().row(question.fills().ref());
        if (row.isEmpty()) {
            return List.of();
        }
        String code = row.get().code();
        boolean compared = policy.changeFor(code).isPresent();
        if (!compared && policy.min(code).isEmpty() && policy.max(code).isEmpty()) {
            return List.of(); // nothing to check: last period is not read
        }
        Optional<ReportingPeriod> last = compared ? lastClosed(period) : Optional.empty();
        BigDecimal previous = last.flatMap(p -> collection.answer(p.getId(), question.id())).map(OutlierCheck::number).orElse(null);
        return OutlierRule.evaluate(policy, row.get(), unit(question, row.get()), previous, value,
                last.map(p -> p.key().label()).orElse(null));
    }

    /** What the limits find in a period's stored figures, in the table's order (for the report's checks). */
    @Transactional(readOnly = true)
    public List<Outlier> all(ReportingPeriod period) {
        Optional<ReportDefinition> report = report(period);
        if (report.isEmpty()) {
            return List.of();
        }
        Map<String, Question> bySlot = report.get().questionsBySlot();
        Optional<ReportingPeriod> last = lastClosed(period);
        Map<String, Answer> now = collection.periodAnswers(period.getId());
        Map<String, Answer> before = last.map(p -> collection.periodAnswers(p.getId())).orElse(Map.of());
        List<Outlier> found = new ArrayList<>();
        for (TableRow row : report.get().rows()) {
            Question question = bySlot.get("bieu:" + row.code());
            if (question == null || !measured(question)) {
                continue;
            }
            BigDecimal value = number(now.get(question.id()));
            if (value != null) {
                found.addAll(OutlierRule.evaluate(report.get().outliers(), row, unit(question, row),
                        number(before.get(question.id())), value, last.map(p -> p.key().label()).orElse(null)));
            }
        }
        return found;
    }

    /** The same report's latest closed period of the commune that began before this one. */
    Optional<ReportingPeriod> lastClosed(ReportingPeriod period) {
        return periods.lastClosedBefore(period);
    }

    /** A number typed for a table row; a yes/no (its choices) is no amount to compare. */
    private static boolean measured(Question question) {
        return question.fills().kind() == Slot.Kind.TABLE_ROW && question.type().numeric() && question.type().choices().isEmpty();
    }

    private Optional<ReportDefinition> report(ReportingPeriod period) {
        return scopes.of(period.getCommuneCode(), period.getReportCode()).map(s -> s.report());
    }

    private static BigDecimal number(Answer answer) {
        if (answer == null) {
            return null;
        }
        AnswerValue value = answer.value();
        return value.skipped() ? null : value.number();
    }

    private static String unit(Question question, TableRow row) {
        return question.unit() != null ? question.unit() : row.unit();
    }
}
