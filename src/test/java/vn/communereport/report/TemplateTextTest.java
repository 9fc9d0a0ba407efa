package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;

class TemplateTextTest {

    private final TemplateText text = new TemplateText(SeedFixture.COMMUNE, SeedFixture.PERIOD);

    @Test
    void fillsThePeriodAndTheCommune() {
        assertThat(text.fill("{ky}|{ky_sau}|{KY}|{KY_SAU}|{nam}|{xa}|{co_quan}|{khac}"))
                .isEqualTo("6 tháng đầu năm 2026|6 tháng cuối năm 2026|6 THÁNG ĐẦU NĂM 2026|6 THÁNG CUỐI NĂM 2026|2026|Bình Lư|Ủy ban nhân dân xã Bình Lư|{khac}");
        assertThat(text.fill(SeedFixture.REPORT.title()))
                .isEqualTo("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026; nhiệm vụ, giải pháp 6 tháng cuối năm 2026");
    }

    @Test
    void leadsQuoteTheFiguresTheVietnameseWay() {
        ReportData data = SeedFixture.seedData(null);
        String lead = SeedFixture.REPORT.sections().get(1).children().get(1).children().get(1).lead();
        List<TemplateText.Piece> pieces = data.lead(lead);
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).text()).isEqualTo("Trong 6 tháng đầu năm 2026, tổng số hồ sơ TTHC tiếp nhận là 2.654 hồ sơ; "
                + "đã giải quyết xong 2.647 hồ sơ, trong đó giải quyết trước hạn và đúng hạn 2.677 hồ sơ, đạt 101,13%. "
                + "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC: 99,65%.");
    }

    @Test
    void aMissingFigureInALeadIsAVisibleMarker() {
        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("III.3.1").id());
        ReportData data = SeedFixture.data(answers, SeedFixture.ALL_DEPARTMENTS);
        List<TemplateText.Piece> pieces = data.lead("tiếp nhận {III.3.1} hồ sơ, {VI.1}%");
        assertThat(pieces).extracting(TemplateText.Piece::text).containsExactly(
                "tiếp nhận ", "[Chưa có số liệu: Trung tâm Phục vụ hành chính công — chỉ tiêu III.3.1]", " hồ sơ, ",
                "[Không có số liệu: chỉ tiêu VI.1]", "%");
        assertThat(pieces).extracting(TemplateText.Piece::marker).containsExactly(false, true, false, true, false);
    }

    @Test
    void theDateLineFollowsTheOfficialForm() {
        assertThat(SeedFixture.seedData(LocalDate.of(2026, 1, 5)).particulars().placeAndDate()).isEqualTo("Bình Lư, ngày 05 tháng 01 năm 2026");
        assertThat(SeedFixture.seedData(LocalDate.of(2026, 2, 28)).particulars().placeAndDate()).isEqualTo("Bình Lư, ngày 28 tháng 02 năm 2026");
        assertThat(SeedFixture.seedData(LocalDate.of(2026, 11, 9)).particulars().placeAndDate()).isEqualTo("Bình Lư, ngày 09 tháng 11 năm 2026");
        assertThat(SeedFixture.seedData(null).particulars().placeAndDate()).matches("Bình Lư, ngày +tháng 6 năm 2026");
        assertThat(SeedFixture.seedData(LocalDate.of(2026, 7, 3)).particulars().annexReference())
                .isEqualTo("(Kèm theo Báo cáo số …/BC-UBND ngày 03/07/2026 của UBND xã Bình Lư)");
        assertThat(SeedFixture.seedData(null).particulars().documentNumber()).matches("Số: +/BC-UBND");
    }
}
