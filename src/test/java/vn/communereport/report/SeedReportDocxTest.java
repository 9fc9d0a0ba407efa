package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.communereport.definition.SectionNode;
import vn.communereport.definition.TableRow;
import vn.communereport.testsupport.SeedNarratives;
import vn.communereport.testsupport.SeedReport;

/** The seed's figures and narratives in, the report read back out: every row, heading and paragraph in order. */
class SeedReportDocxTest {

    static final String ANNEX_NOTE = "Số liệu cụ thể tại Biểu thống kê số liệu kèm theo Báo cáo này.";

    static CompiledReport report;
    static XWPFDocument doc;

    @BeforeAll
    static void compileTheSeed() {
        report = new ReportFiles().compile(SeedFixture.seedData(LocalDate.of(2026, 6, 25)));
        doc = DocxReading.open(report.docx().content());
    }

    @Test
    void aCompleteReportIsNotADraft() {
        assertThat(report.draft()).isFalse();
        assertThat(report.missing()).isEmpty();
        assertThat(report.docx().fileName()).isEqualTo("BaoCao_CCHC_6T-2026_BinhLu.docx");
        assertThat(report.xlsx().fileName()).isEqualTo("BieuThongKe_CCHC_6T-2026_BinhLu.xlsx");
        assertThat(report.docx().caption())
                .isEqualTo("Báo cáo cải cách hành chính 6 tháng đầu năm 2026 – 1 lỗi, 2 cảnh báo số liệu");
        assertThat(DocxReading.text(doc)).doesNotContain("Chưa có số liệu").doesNotContain("DỰ THẢO").doesNotContain("Dự thảo");
    }

    @Test
    void everyRowOfTheSeedTableIsInTheAnnexInOrderWithItsValue() {
        Map<String, String> seed = SeedReport.tableValues(SeedFixture.REPORT);
        List<TableRow> rows = SeedFixture.REPORT.rows();
        List<String[]> printed = DocxReading.annexRows(doc);
        assertThat(printed).hasSize(124).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            String[] cells = printed.get(i);
            assertThat(cells[0]).as("STT of %s", row.code()).isEqualTo(row.stt());
            assertThat(cells[1]).as("label of %s", row.code()).isEqualTo(row.label());
            assertThat(cells[2]).as("unit of %s", row.code()).isEqualTo(row.unit() == null ? "" : row.unit());
            assertThat(cells[3]).as("value of %s", row.code()).isEqualTo(expectedValue(row, seed));
        }
    }

    /**
     * The seed's value, except: rates as computed (I.2: 45/79 = 56,96 where the seed prints 56; III.3.2: the seed's
     * own parts 2.677/2.647 = 101,13 where it prints 99,7), and the two seed cells that are not numbers.
     */
    static String expectedValue(TableRow row, Map<String, String> seed) {
        return switch (row.code()) {
            case "I.2" -> "56,96";
            case "III.3.2" -> "101,13";
            case "I.4.1" -> "30";
            case "I.4.2" -> "1";
            default -> seed.get(row.code());
        };
    }

    @Test
    void everySectionHeadingIsPrintedInOrderWithItsText() {
        List<String> expected = new ArrayList<>();
        List<String> seedPrefixes = new ArrayList<>();
        TemplateText text = new TemplateText(SeedFixture.COMMUNE, SeedFixture.PERIOD);
        walk(SeedFixture.REPORT.sections(), 0, (node, depth) -> {
            expected.add("Heading" + (depth + 1) + "|" + node.number() + ". " + text.fill(node.title()));
            seedPrefixes.add(SeedNarratives.headingPrefix(node));
        });
        List<String> printed = DocxReading.bodyParagraphs(doc).stream()
                .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
                .map(p -> p.getStyle() + "|" + p.getText()).toList();
        assertThat(printed).containsExactlyElementsOf(expected);
        assertThat(printed).hasSize(60);
        for (int i = 0; i < printed.size(); i++) {
            assertThat(printed.get(i).substring(printed.get(i).indexOf('|') + 1)).startsWith(seedPrefixes.get(i));
        }
        assertThat(printed).contains("Heading1|III. ĐÁNH GIÁ CHUNG VỀ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2026",
                "Heading1|IV. MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
                "Heading3|1.1. Công tác chỉ đạo, điều hành", "Heading4|a. Ưu điểm");
    }

    @Test
    void everyBlockHoldsItsLeadAndTheDepartmentsNarrative() {
        Map<String, String> narratives = SeedNarratives.blocks(SeedFixture.REPORT);
        assertThat(narratives).hasSize(42);
        List<XWPFParagraph> paragraphs = DocxReading.bodyParagraphs(doc);
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (isHeading(paragraphs.get(i))) {
                headings.add(i);
            }
        }
        int closing = texts(paragraphs).indexOf(ANNEX_NOTE);
        ReportData data = SeedFixture.seedData(null);
        int[] k = {0};
        walk(SeedFixture.REPORT.sections(), 0, (node, depth) -> {
            int at = headings.get(k[0]++);
            if (node.block() == null) {
                return;
            }
            int end = k[0] < headings.size() ? headings.get(k[0]) : closing;
            List<String> body = texts(paragraphs.subList(at + 1, end));
            List<String> expected = new ArrayList<>();
            if (node.lead() != null) {
                expected.add(String.join("", data.lead(node.lead()).stream().map(TemplateText.Piece::text).toList()));
            }
            expected.addAll(List.of(narratives.get(node.block()).split("\n")));
            assertThat(body).as("block %s", node.block()).containsExactlyElementsOf(expected);
            assertThat(paragraphs.subList(at + 1, end)).allMatch(p -> Docx.BODY.equals(p.getStyle()));
        });
        assertThat(k[0]).isEqualTo(headings.size());
        // Seed text quoted verbatim, a page break of the seed repaired, and a lead written from the table.
        assertThat(DocxReading.text(doc))
                .contains("Quan tâm chỉ đạo cán bộ, công chức thường xuyên cập nhật văn bản pháp luật mới, kịp thời tham mưu sửa đổi hoặc thay thế các văn bản không còn phù hợp.")
                .contains("Đến thời điểm báo cáo, UBND xã Bình Lư đã hoàn thành 45/79 nhiệm vụ cải cách hành chính năm 2026, đạt 56,96% kế hoạch trong năm.");
    }

    private static List<String> texts(List<XWPFParagraph> paragraphs) {
        return paragraphs.stream().map(XWPFParagraph::getText).toList();
    }

    @Test
    void theReportOpensAndClosesAsTheSeedDoes() {
        List<XWPFParagraph> paragraphs = DocxReading.bodyParagraphs(doc);
        List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
        assertThat(texts).containsSubsequence("BÁO CÁO",
                "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026;\nnhiệm vụ, giải pháp 6 tháng cuối năm 2026",
                "Thực hiện Công văn số 3196/SNV-CCHC ngày 25/6/2025 của Ủy ban nhân dân tỉnh Lai Châu về việc hướng dẫn xây dựng kế hoạch cải cách hành chính và thực hiện chế độ báo cáo cải cách hành chính định kỳ; Ủy ban nhân dân xã Bình Lư báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026 như sau:",
                "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                "V. KIẾN NGHỊ, ĐỀ XUẤT",
                ANNEX_NOTE,
                "Trên đây là Báo cáo tổng kết thực hiện công tác cải cách hành chính nhà nước 6 tháng đầu năm 2026, mục tiêu, nhiệm vụ 6 tháng cuối năm 2026 của UBND xã Bình Lư./.",
                "BIỂU THỐNG KÊ SỐ LIỆU BÁO CÁO 6 THÁNG ĐẦU NĂM 2026",
                "(Kèm theo Báo cáo số …/BC-UBND ngày 25/06/2026 của UBND xã Bình Lư)",
                "KIỂM TRA SỐ LIỆU");
        String text = DocxReading.text(doc);
        assertThat(text).contains("ỦY BAN NHÂN DÂN\nXÃ BÌNH LƯ").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
                .contains("Bình Lư, ngày 25 tháng 6 năm 2026")
                .contains("Nơi nhận:\n- Sở Nội vụ;\n- TT Đảng ủy, HĐND xã (b/c);\n- Lãnh đạo UBND xã;\n- Các đơn vị thuộc UBND xã;\n- Lưu: VT, VP.")
                .contains("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH").contains("Trần Thanh Tuấn");
    }

    @Test
    void theRulesFindingsAreListedAfterTheAnnex() {
        List<String> texts = DocxReading.bodyParagraphs(doc).stream().map(XWPFParagraph::getText).toList();
        int check = texts.indexOf("KIỂM TRA SỐ LIỆU");
        assertThat(check).isPositive();
        List<String> after = texts.subList(check, texts.size());
        assertThat(after).anyMatch(t -> t.startsWith("- Lỗi: Số hồ sơ TTHC giải quyết trước và đúng hạn (III.3.2.2)")
                && t.endsWith("(III.3.2.2 = 2.677; III.3.2.1 = 2.647)"));
        assertThat(after).filteredOn(t -> t.startsWith("- Cảnh báo: ")).hasSize(2);
        assertThat(after).noneMatch(t -> t.contains("Nội dung chưa có"));
        assertThat(report.findings()).extracting(f -> f.rule().id())
                .containsExactly("hs-dung-han-le-giai-quyet", "nguoi-lv-co-mat-le-giao", "dvsn-truc-thuoc-bang-tong");
    }

    private static boolean isHeading(XWPFParagraph p) {
        return p.getStyle() != null && p.getStyle().startsWith("Heading");
    }

    interface Visitor {
        void visit(SectionNode node, int depth);
    }

    static void walk(List<SectionNode> nodes, int depth, Visitor visitor) {
        for (SectionNode node : nodes) {
            visitor.visit(node, depth);
            walk(node.children(), depth + 1, visitor);
        }
    }
}
