package vn.communereport.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.Wording;

/**
 * Every answer of a period as a CSV file that opens in Excel (UTF-8 with a byte-order mark): the office's
 * own copy of the data, independent of the bot.
 */
final class AnswerExport {

    private AnswerExport() {
    }

    static byte[] csv(CommuneDefinition commune, Iterable<Flow> flows, Map<String, Answer> answers, Screens screens, Wording texts) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(texts.get("export.header")).append("\r\n");
        for (Flow flow : flows) {
            String department = commune.department(flow.departmentCode()).map(d -> d.name()).orElse(flow.departmentCode());
            for (Question question : flow.questions()) {
                Answer answer = answers.get(question.id());
                AnswerValue value = answer == null ? null : answer.value();
                csv.append(cell(department)).append(',')
                        .append(cell(question.id())).append(',')
                        .append(cell(question.fills().toString())).append(',')
                        .append(cell(question.prompt())).append(',')
                        .append(cell(value == null || value.skipped() ? "" : value.text())).append(',')
                        .append(value != null && value.skipped() ? texts.get("value.yes") : "").append(',')
                        .append(cell(answer == null ? "" : screens.who(answer.getUpdatedBy()))).append(',')
                        .append(cell(answer == null ? "" : screens.when(answer.getUpdatedAt()))).append("\r\n");
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        String value = text == null ? "" : text;
        // A leading = + - @ would make Excel run the cell as a formula.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
