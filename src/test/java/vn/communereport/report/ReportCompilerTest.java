package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScopes;

/** The service reads the stored answers of a period and hands back the files; no Spring context needed. */
class ReportCompilerTest {

    private final CollectionService collection = mock(CollectionService.class);
    private final ReportingPeriod period = mock(ReportingPeriod.class);
    private ReportCompiler compiler;

    @BeforeEach
    void setUp() {
        when(period.getId()).thenReturn(7L);
        when(period.getCommuneCode()).thenReturn("binh-lu");
        when(period.getReportCode()).thenReturn("cchc");
        when(period.key()).thenReturn(SeedFixture.PERIOD);

        Map<String, Answer> stored = new HashMap<>();
        Map<String, Map<String, Answer>> byDepartment = new HashMap<>();
        SeedFixture.seedAnswers().forEach((id, value) -> {
            Answer answer = mock(Answer.class);
            when(answer.value()).thenReturn(value);
            stored.put(id, answer);
            String department = SeedFixture.REPORT.question(id).orElseThrow().departmentCode();
            byDepartment.computeIfAbsent(department, d -> new HashMap<>()).put(id, answer);
        });
        when(collection.periodAnswers(7L)).thenReturn(stored);
        byDepartment.forEach((department, answers) -> when(collection.departmentAnswers(7L, department)).thenReturn(answers));
        when(collection.answers(eq(7L), org.mockito.ArgumentMatchers.anyCollection())).thenAnswer(call -> {
            Map<String, Answer> some = new HashMap<>();
            for (Object id : (java.util.Collection<?>) call.getArgument(1)) {
                if (stored.containsKey(id)) {
                    some.put((String) id, stored.get(id));
                }
            }
            return some;
        });
        when(collection.isIn(eq(7L), anyString())).thenReturn(true);
        Clock clock = Clock.fixed(Instant.parse("2026-06-20T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        compiler = new ReportCompiler(new ReportScopes(SeedFixture.DEFINITIONS), collection, SeedFixture.TEXTS, clock,
                mock(vn.communereport.collection.SentenceChoices.class));
    }

    @Test
    void compilesThePeriodFromItsStoredAnswers() {
        CompiledReport report = compiler.compile(period, LocalDate.of(2026, 6, 25));
        assertThat(report.draft()).isFalse();
        assertThat(report.docx().fileName()).isEqualTo("BaoCao_CCHC_6T-2026_BinhLu.docx");
        assertThat(report.xlsx().contentType()).isEqualTo(GeneratedFile.XLSX_TYPE);
        assertThat(report.findings()).hasSize(3);
        assertThat(report.errorCount()).isOne();
        assertThat(DocxReading.text(DocxReading.open(report.docx().content()))).contains("Bình Lư, ngày 25 tháng 6 năm 2026");
    }

    @Test
    void anUndatedReportLeavesTheDayBlank() {
        when(collection.isIn(7L, "kinh-te")).thenReturn(false);
        CompiledReport report = compiler.compile(period, null);
        assertThat(report.draft()).isTrue();
        assertThat(report.missing()).containsExactly(
                new MissingPart("kinh-te", "Phòng Kinh tế", 0, 0, false, "Phòng Kinh tế: đủ nội dung (chưa nộp)"));
        assertThat(report.docx().caption()).contains("đủ nội dung, chờ 1 đơn vị nộp");
        assertThat(DocxReading.text(DocxReading.open(report.docx().content()))).containsPattern("Bình Lư, ngày +tháng 6 năm 2026");
    }

    @Test
    void givesADepartmentItsOwnPart() {
        GeneratedFile part = compiler.departmentPart(period, "trung-tam-hcc");
        assertThat(part.fileName()).isEqualTo("PhanBaoCao_CCHC_6T-2026_BinhLu_TrungTamHcc.docx");
        assertThat(part.caption()).startsWith("Phần của Trung tâm Phục vụ hành chính công");
    }

    @Test
    void checksANewAnswerAgainstTheDepartmentsOwnRules() {
        var onTime = SeedFixture.OWNERSHIP.rowQuestion("III.3.2.2");
        assertThat(compiler.checkAnswer(period, onTime, new BigDecimal("2700")))
                .extracting(f -> f.rule().id()).containsExactly("hs-dung-han-le-giai-quyet");
        assertThat(compiler.checkAnswer(period, onTime, new BigDecimal("2600"))).isEmpty();
        var staffPresent = SeedFixture.OWNERSHIP.rowQuestion("IV.2.2");
        assertThat(compiler.checkAnswer(period, staffPresent, new BigDecimal("40")))
                .extracting(RuleFinding::description)
                .containsExactly("Tổng số biên chế có mặt tại thời điểm báo cáo (IV.2.2) lớn hơn tổng số biên chế được giao trong năm (IV.2.1). "
                        + "Đề nghị kiểm tra lại hoặc xác nhận có vượt biên chế. (IV.2.2 = 40; IV.2.1 = 36)");
    }

    @Test
    void refusesAPeriodOfAnotherReport() {
        when(period.getReportCode()).thenReturn("tu-phap");
        assertThatThrownBy(() -> compiler.compile(period, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
