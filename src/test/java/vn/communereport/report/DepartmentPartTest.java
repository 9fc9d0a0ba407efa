package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;

/** A department's members get their own part only: their blocks under their headings and their figures. */
class DepartmentPartTest {

    @Test
    void kinhTeGetsItsFinanceBlocksAndItsFigures() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.put(SeedFixture.OWNERSHIP.rowQuestion("VI.2.5").id(), AnswerValue.ofNumber(new BigDecimal("12")));
        answers.remove(SeedFixture.OWNERSHIP.blockQuestion("IV.2.5").id());
        GeneratedFile part = new ReportFiles().departmentPart(SeedFixture.data(answers, Set.of()), "kinh-te");
        assertThat(part.fileName()).isEqualTo("PhanBaoCao_CCHC_6T-2026_BinhLu_KinhTe.docx");
        assertThat(part.caption()).isEqualTo("Phần của Phòng Kinh tế – Báo cáo cải cách hành chính 6 tháng đầu năm 2026 (còn thiếu 1 mục); 1 điểm cần kiểm tra số liệu");

        XWPFDocument doc = DocxReading.open(part.content());
        List<String> headings = DocxReading.bodyParagraphs(doc).stream()
                .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading")).map(XWPFParagraph::getText).toList();
        assertThat(headings).containsExactly(
                "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "5. Cải cách tài chính công",
                "5.1. Công tác chỉ đạo, điều hành", "5.2. Kết quả triển khai thực hiện", "5.3. Đánh giá ưu điểm, hạn chế",
                "a. Ưu điểm", "b. Hạn chế",
                "IV. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
                "2. Nhiệm vụ, giải pháp trọng tâm", "2.5. Về cải cách tài chính công");
        String text = DocxReading.text(doc);
        assertThat(text).contains("PHẦN BÁO CÁO CỦA PHÒNG KINH TẾ")
                .contains("Quản lý ngân sách: Dự toán chi được xây dựng sát thực tế")
                .contains("[Chưa có số liệu: Phòng Kinh tế — mục IV.2.5]")
                .doesNotContain("Công tác tham mưu bảo đảm kịp thời") // Văn phòng's II.1.3.a
                .doesNotContain("Trần Thanh Tuấn");
        List<String> stt = DocxReading.annexRows(doc).stream().map(r -> r[0] + " " + r[3]).toList();
        assertThat(stt).containsExactly("VI ", "1 ", "1.1 0", "1.2 0", "2 ", "2.1 11", "2.2 0", "2.3 0", "2.4 0",
                "2.4.1 0", "2.4.2 0", "2.4.3 0", "2.5 12", "2.6 0");
        // Its own rule is listed; the rule shared with Văn hóa - Xã hội (IV.1.2 = VI.2.1) is not.
        assertThat(text).contains("Tổng số ĐVSN công lập tại địa phương (VI.2.1) phải bằng tổng các nhóm tự chủ")
                .doesNotContain("IV.1.2 = 10");
    }

    @Test
    void anUnknownDepartmentHasNoPart() {
        assertThatThrownBy(() -> new ReportFiles().departmentPart(SeedFixture.seedData(null), "phong-tai-chinh"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
