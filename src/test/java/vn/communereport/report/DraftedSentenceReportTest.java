package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.SentenceChoice;

/**
 * A block's drafted sentence in the compiled DOCX: written from the figures as they stand (a figure changed after the
 * sentence was accepted is the new figure in the text and in the table alike), in place of the block's lead; a member's
 * own version that quotes other numbers is listed under "Kiểm tra số liệu".
 */
class DraftedSentenceReportTest {

    static final String HEADING = "2.2. Kết quả triển khai thực hiện";
    static final Instant AT = Instant.parse("2026-06-20T03:00:00Z");

    static Map<String, AnswerValue> answers(long received, long resolved, long onTime) {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        put(answers, "III.3.1", received);
        put(answers, "III.3.2.1", resolved);
        put(answers, "III.3.2.2", onTime);
        return answers;
    }

    static void put(Map<String, AnswerValue> answers, String row, long value) {
        answers.put(SeedFixture.OWNERSHIP.rowQuestion(row).id(), AnswerValue.ofNumber(BigDecimal.valueOf(value)));
    }

    static XWPFDocument compile(Map<String, AnswerValue> answers, SentenceChoice choice) {
        ReportData data = new ReportData(SeedFixture.TEXTS, SeedFixture.COMMUNE, SeedFixture.OWNERSHIP, SeedFixture.PERIOD, answers,
                SeedFixture.ALL_DEPARTMENTS, null, SeedFixture.TODAY, choice == null ? Map.of() : Map.of(choice.block(), choice));
        return DocxReading.open(new ReportFiles().compile(data).docx().content());
    }

    /** The paragraph right under the heading of II.2.2. */
    static String opening(XWPFDocument doc) {
        List<String> texts = DocxReading.bodyParagraphs(doc).stream().map(XWPFParagraph::getText).toList();
        assertThat(texts).containsOnlyOnce(HEADING);
        return texts.get(texts.indexOf(HEADING) + 1);
    }

    static String annexValue(XWPFDocument doc, String stt, String labelStart) {
        return DocxReading.annexRows(doc).stream().filter(r -> r[0].equals(stt) && r[1].startsWith(labelStart))
                .findFirst().orElseThrow()[3];
    }

    static SentenceChoice accepted() {
        return new SentenceChoice("II.2.2", SentenceChoice.Kind.ACCEPTED, null, 7, AT);
    }

    @Test
    void anAcceptedSentenceIsWrittenFromTheFiguresInPlaceOfTheLead() {
        XWPFDocument doc = compile(answers(1837, 1822, 1814), accepted());
        assertThat(opening(doc)).isEqualTo("Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải quyết 1.822 hồ sơ, trong đó 1.814 hồ sơ "
                + "trước và đúng hạn, đạt 99,56%.");
        // The lead quoted the same figures: it is not printed as well.
        assertThat(DocxReading.text(doc)).doesNotContain("tổng số hồ sơ TTHC tiếp nhận là");
    }

    @Test
    void aFigureChangedAfterAcceptingIsTheNewFigureInTheTextAndInTheTable() {
        compile(answers(1837, 1822, 1814), accepted());
        XWPFDocument changed = compile(answers(1837, 1822, 1800), accepted());
        assertThat(opening(changed)).contains("trong đó 1.800 hồ sơ trước và đúng hạn, đạt 98,79%").doesNotContain("1.814");
        assertThat(annexValue(changed, "3.2.2", "Số hồ sơ TTHC giải quyết trước và đúng hạn")).isEqualTo("1.800");
        assertThat(annexValue(changed, "3.2", "Tỷ lệ hồ sơ TTHC tiếp nhận")).isEqualTo("98,79");
    }

    @Test
    void withoutAChoiceOrWhenDroppedTheLeadIsPrintedAsBefore() {
        String lead = "Trong 6 tháng đầu năm 2026, tổng số hồ sơ TTHC tiếp nhận là 1.837 hồ sơ";
        assertThat(opening(compile(answers(1837, 1822, 1814), null))).startsWith(lead);
        assertThat(opening(compile(answers(1837, 1822, 1814), new SentenceChoice("II.2.2", SentenceChoice.Kind.DROPPED, null, 7, AT))))
                .startsWith(lead);
    }

    @Test
    void anOwnVersionQuotingOtherNumbersIsPrintedAsWrittenAndFlaggedInTheChecks() {
        String own = "Trong kỳ, Trung tâm đã tiếp nhận 1.873 hồ sơ, giải quyết 1.822 hồ sơ, đạt 99,56%.";
        XWPFDocument doc = compile(answers(1837, 1822, 1814), new SentenceChoice("II.2.2", SentenceChoice.Kind.EDITED, own, 7, AT));
        assertThat(opening(doc)).isEqualTo(own);
        String text = DocxReading.text(doc);
        assertThat(text).contains("KIỂM TRA SỐ LIỆU").contains("Câu mở đầu mục II.2.2 (Trung tâm Phục vụ hành chính công) do người "
                + "trả lời tự sửa có số 1.873 không khớp với số liệu của biểu (III.3.1 = 1.837; III.3.2.1 = 1.822; III.3.2.2 = 1.814; "
                + "III.3.2 = 99,56).");
        // An own version that quotes the table's figures (fewer of them, in other words) is not flagged.
        String faithful = "Trung tâm tiếp nhận 1.837 hồ sơ và giải quyết đúng hạn 1.814 hồ sơ.";
        assertThat(DocxReading.text(compile(answers(1837, 1822, 1814),
                new SentenceChoice("II.2.2", SentenceChoice.Kind.EDITED, faithful, 7, AT)))).doesNotContain("Câu mở đầu mục II.2.2");
    }

    @Test
    void aFigureNotYetInIsMarkedInTheSentenceNotLeftAsAHole() {
        Map<String, AnswerValue> answers = answers(1837, 1822, 1814);
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("III.3.2.1").id());
        String opening = opening(compile(answers, accepted()));
        assertThat(opening).startsWith("Trong kỳ, Trung tâm đã tiếp nhận 1.837 hồ sơ, giải quyết [Chưa có số liệu")
                .contains("III.3.2.1");
    }

    @Test
    void theNumbersOfASentenceAreReadTheVietnameseWay() {
        assertThat(QuotedNumbers.in("tiếp nhận 1.837 hồ sơ, đạt 99,56%; quá hạn 07 hồ sơ ngày 14/4/2026."))
                .containsExactly("1.837", "99,56", "07", "14", "4", "2026");
        assertThat(QuotedNumbers.unmatched("quá hạn 07 hồ sơ, tiếp nhận 2.600", "tiếp nhận 2.654, quá hạn 7")).containsExactly("2.600");
    }
}
