package vn.communereport.province.summary;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.TableRow;

/**
 * One commune's figure rows as it answered them: a number, a text, or nothing (a skipped optional figure). Rates are
 * not here: the workbook computes them from their parts, per commune and for the province alike.
 */
final class CommuneFigures {

    private final Map<String, BigDecimal> numbers = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    CommuneFigures(ReportDefinition report, Map<String, Answer> answersByQuestion) {
        Map<String, Question> bySlot = report.questionsBySlot();
        for (TableRow row : report.rows()) {
            if (row.kind() != TableRow.Kind.FIGURE) {
                continue;
            }
            Question question = bySlot.get("bieu:" + row.code());
            Answer answer = question == null ? null : answersByQuestion.get(question.id());
            if (answer == null) {
                continue;
            }
            AnswerValue value = answer.value();
            if (value.skipped()) {
                continue;
            }
            if (value.number() != null) {
                numbers.put(row.code(), value.number());
            } else if (value.text() != null && !value.text().isBlank()) {
                texts.put(row.code(), value.text().trim());
            }
        }
    }

    BigDecimal number(String rowCode) {
        return numbers.get(rowCode);
    }

    String text(String rowCode) {
        return texts.get(rowCode);
    }
}
