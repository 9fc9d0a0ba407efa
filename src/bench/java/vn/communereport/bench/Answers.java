package vn.communereport.bench;

import java.util.Map;

import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;

/** What simulated members answer, and what the seeded history holds. */
final class Answers {

    private static final String PARAGRAPH = "Trong kỳ, đơn vị đã tổ chức quán triệt, triển khai đầy đủ các văn bản chỉ đạo của cấp trên "
            + "về công tác cải cách hành chính; ban hành kế hoạch thực hiện, phân công nhiệm vụ cụ thể cho từng công chức, "
            + "gắn trách nhiệm của người đứng đầu với kết quả thực hiện. Công tác kiểm tra, đôn đốc được duy trì thường xuyên, "
            + "các hạn chế phát hiện qua kiểm tra được khắc phục kịp thời. Việc ứng dụng công nghệ thông tin trong xử lý công việc "
            + "tiếp tục được đẩy mạnh, tỷ lệ hồ sơ được giải quyết đúng hạn đạt cao, không có phản ánh, kiến nghị của người dân.";

    private Answers() {
    }

    /** A narrative of about 560 characters, as a department would paste it. */
    static String narrative(Question question, int salt) {
        return "Mục " + question.fills().ref() + " (" + salt + "): " + PARAGRAPH;
    }

    /** A stored figure for the seeded history. */
    static String number(Question question, int salt) {
        return question.type() == QuestionType.YESNO ? "1" : String.valueOf(Math.floorMod(question.id().hashCode() + salt, 500));
    }

    /**
     * What a member types for a figure: the seed report's own value for the row (copies use their original row's),
     * which keeps every rule of the definition satisfied; blank seed cells are skipped when optional, else 0.
     */
    static String typed(Question question, Map<String, String> seedTable) {
        String ref = question.fills().ref();
        int copy = ref.indexOf(".k");
        String value = seedTable.getOrDefault(copy < 0 ? ref : ref.substring(0, copy), "");
        if (question.type() == QuestionType.YESNO) {
            return "1";
        }
        if (question.type() == QuestionType.TEXT) {
            return "Ghi chú";
        }
        if (question.type() == QuestionType.NARRATIVE) {
            return narrative(question, 0);
        }
        return value.matches("[0-9.,]+") ? value : question.optional() ? "" : "0";
    }
}
