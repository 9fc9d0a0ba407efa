package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;

import vn.communereport.collection.AnswerValue;
import vn.communereport.definition.Question;

/** Before every part is in: the report is a draft, every missing block and figure is marked where it belongs. */
class DraftReportTest {

    static CompiledReport draft;
    static XWPFDocument doc;

    @BeforeAll
    static void compileWithoutKinhTe() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        for (Question q : SeedFixture.REPORT.flow("kinh-te").orElseThrow().questions()) {
            answers.remove(q.id());
        }
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("III.3.1").id());
        // An optional block skipped: left out with its heading.
        answers.put(SeedFixture.OWNERSHIP.blockQuestion("II.3.3.c").id(), AnswerValue.SKIPPED);
        draft = new ReportFiles().compile(SeedFixture.data(answers, Set.of("van-phong", "van-hoa-xa-hoi")));
        doc = DocxReading.open(draft.docx().content());
    }

    @Test
    void saysHowManyPartsAreMissingAndFromWhom() {
        assertThat(draft.draft()).isTrue();
        assertThat(draft.missing()).containsExactly(
                new MissingPart("kinh-te", "Phòng Kinh tế", 11, 5, false, "Phòng Kinh tế: 11 số liệu, 5 mục lời văn (chưa nộp)"),
                new MissingPart("trung-tam-hcc", "Trung tâm Phục vụ hành chính công", 1, 0, false,
                        "Trung tâm Phục vụ hành chính công: 1 số liệu (chưa nộp)"));
        assertThat(draft.missingCount()).isEqualTo(17);
        assertThat(draft.docx().fileName()).isEqualTo("DuThao_CCHC_6T-2026_BinhLu.docx");
        assertThat(draft.xlsx().fileName()).isEqualTo("DuThao_BieuThongKe_CCHC_6T-2026_BinhLu.xlsx");
        assertThat(draft.docx().caption()).isEqualTo(
                "Dự thảo báo cáo cải cách hành chính 6 tháng đầu năm 2026 – còn thiếu 17 mục của 2 đơn vị; 1 lỗi, 1 cảnh báo số liệu");
        assertThat(draft.docx().caption()).doesNotContain("\n");
    }

    @Test
    void missingBlocksAreMarkedInYellowUnderTheirHeadings() {
        List<XWPFParagraph> paragraphs = DocxReading.bodyParagraphs(doc);
        List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
        int heading = texts.indexOf("5.2. Kết quả triển khai thực hiện");
        XWPFParagraph marker = paragraphs.get(heading + 1);
        assertThat(marker.getText()).isEqualTo("[Chưa có số liệu: Phòng Kinh tế — mục II.5.2]");
        assertHighlighted(marker.getRuns().get(0));
        assertThat(texts).contains("[Chưa có số liệu: Phòng Kinh tế — mục II.5.1]", "[Chưa có số liệu: Phòng Kinh tế — mục II.5.3.a]",
                "[Chưa có số liệu: Phòng Kinh tế — mục II.5.3.b]", "[Chưa có số liệu: Phòng Kinh tế — mục IV.2.5]");
        // A figure missing in a lead is marked inside the sentence.
        XWPFParagraph lead = paragraphs.get(texts.indexOf("2.2. Kết quả triển khai thực hiện") + 1);
        XWPFRun missing = lead.getRuns().stream().filter(r -> r.text().startsWith("[Chưa có")).findFirst().orElseThrow();
        assertThat(missing.text()).isEqualTo("[Chưa có số liệu: Trung tâm Phục vụ hành chính công — chỉ tiêu III.3.1]");
        assertHighlighted(missing);
        // The skipped optional "c. Nguyên nhân" of II.3.3 is left out; the one of II.6.3 stays.
        assertThat(texts.stream().filter(t -> t.equals("c. Nguyên nhân")).count()).isOne();
        assertThat(texts.get(0)).isEqualTo("Dự thảo");
    }

    @Test
    void missingFiguresAreMarkedInTheAnnex() {
        List<XWPFTableRow> rows = DocxReading.annexTable(doc).getRows();
        int checked = 0;
        for (int i = 1; i < rows.size(); i++) {
            String stt = rows.get(i).getCell(0).getText();
            String label = rows.get(i).getCell(1).getText();
            String value = rows.get(i).getCell(3).getText();
            if (label.equals("Tổng số ĐVSN công lập tại địa phương") || label.equals("Kế hoạch được giao")
                    || label.equals("Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công")) {
                assertThat(value).as(stt).isEqualTo("[Chưa có số liệu: Phòng Kinh tế]");
                assertHighlighted(rows.get(i).getCell(3).getParagraphs().get(0).getRuns().get(0));
                checked++;
            }
            if (label.equals("Tổng số hồ sơ TTHC đã tiếp nhận")) {
                assertThat(value).isEqualTo("[Chưa có số liệu: Trung tâm Phục vụ hành chính công]");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
        long marked = rows.stream().filter(r -> r.getCell(3).getText().startsWith("[Chưa có số liệu")).count();
        assertThat(marked).as("11 Kinh tế figures, their rate VI.1, and III.3.1").isEqualTo(13);
    }

    @Test
    void theCheckPageSummarisesWhatIsMissingAndWhatTheRulesFound() {
        List<String> texts = DocxReading.bodyParagraphs(doc).stream().map(XWPFParagraph::getText).toList();
        List<String> check = texts.subList(texts.indexOf("KIỂM TRA SỐ LIỆU"), texts.size());
        assertThat(check).containsSubsequence(
                "1. Nội dung chưa có",
                "Còn thiếu 17 mục (số liệu và lời văn) của 2 đơn vị:",
                "- Phòng Kinh tế: 11 số liệu, 5 mục lời văn (chưa nộp);",
                "- Trung tâm Phục vụ hành chính công: 1 số liệu (chưa nộp);",
                "2. Kết quả kiểm tra số liệu");
        // The rules on rows still missing are not evaluated: no error on hồ sơ, no ĐVSN comparison.
        assertThat(draft.findings()).extracting(f -> f.rule().id())
                .containsExactly("hs-dung-han-le-giai-quyet", "nguoi-lv-co-mat-le-giao")
                .doesNotContain("dvsn-truc-thuoc-bang-tong");
    }

    private static void assertHighlighted(XWPFRun run) {
        assertThat(run.getTextHighlightColor()).isEqualTo(STHighlightColor.YELLOW);
    }
}
