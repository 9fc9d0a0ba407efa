package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.PeriodKey;
import vn.communereport.testsupport.GeneratedCommunes;

/** Many communes, each owing the reports its file lists; the yearly CCHC report shares the six-monthly one's questions. */
class CommunesAndReportsTest {

    static final Definitions SHIPPED = DefinitionFiles.load(Path.of("conversations"));

    @TempDir
    Path temp;

    @Test
    void theShippedCommunesOweBothCchcReports() {
        ReportScopes scopes = new ReportScopes(SHIPPED);
        assertThat(SHIPPED.communes()).containsOnlyKeys("binh-lu", "mau-thu");
        assertThat(scopes.owedBy("binh-lu")).extracting(ReportScope::reportCode).containsExactly("cchc", "cchc-nam");
        assertThat(scopes.owedBy("mau-thu")).extracting(ReportScope::reportCode).containsExactly("cchc", "cchc-nam");
        assertThat(scopes.all()).hasSize(4);
        assertThat(scopes.owed("binh-lu", "tu-phap")).isEmpty();
        assertThat(scopes.owedBy("tam-duong")).isEmpty();
    }

    @Test
    void theExampleCommuneHasItsOwnNamesSignerAndADepartmentWithoutAPart() {
        CommuneDefinition example = SHIPPED.commune("mau-thu").orElseThrow();
        CommuneDefinition binhLu = SHIPPED.commune("binh-lu").orElseThrow();
        assertThat(example.signer().name()).isNotEqualTo(binhLu.signer().name());
        assertThat(example.department("kinh-te").orElseThrow().name()).isEqualTo("Phòng Kinh tế - Hạ tầng và Đô thị");
        ReportScope cchc = new ReportScopes(SHIPPED).owed("mau-thu", "cchc").orElseThrow();
        assertThat(cchc.owingDepartments()).containsExactly("van-phong", "kinh-te", "van-hoa-xa-hoi", "trung-tam-hcc");
        assertThat(cchc.answeredBy("quan-su")).isFalse();
        // Bình Lư's administrators come from OFFICE_ADMIN_IDS; the example names its own (nobody yet).
        assertThat(binhLu.namesOfficeAdmins()).isFalse();
        assertThat(example.namesOfficeAdmins()).isTrue();
        assertThat(example.officeAdmins()).isEmpty();
    }

    @Test
    void theYearlyReportSharesTheSixMonthlyOnesStructureWithItsOwnPeriodAndDates() {
        ReportDefinition halfYear = SHIPPED.report("cchc").orElseThrow();
        ReportDefinition year = SHIPPED.report("cchc-nam").orElseThrow();
        assertThat(year.frequency()).isEqualTo(Frequency.YEAR);
        assertThat(year.sharedFrom()).isEqualTo("cchc");
        assertThat(year.flowsByDepartment()).isSameAs(halfYear.flowsByDepartment());
        assertThat(year.rows()).isSameAs(halfYear.rows());
        assertThat(year.rules()).isSameAs(halfYear.rules());
        assertThat(year.name()).isNotEqualTo(halfYear.name());
        assertThat(year.reminders().daysBefore()).containsExactly(5, 3, 1);
        assertThat(halfYear.opensItself()).isTrue();
        assertThat(year.opensItself()).isFalse();
        PeriodKey year2026 = PeriodKey.containing(Frequency.YEAR, LocalDate.of(2026, 12, 1));
        assertThat(year2026.key()).isEqualTo("2026-Y");
        assertThat(year2026.label()).isEqualTo("năm 2026");
        assertThat(year2026.next().label()).isEqualTo("năm 2027");
        assertThat(year2026.startsOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year2026.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(PeriodKey.parse("2026-Y")).isEqualTo(year2026);
    }

    @Test
    void fortyGeneratedCommunesLoadEachWithTheReportsItOwes() {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations"), Map.of());
        List<String> codes = GeneratedCommunes.add(root, 40, 700_000);
        Definitions definitions = DefinitionFiles.load(root);
        ReportScopes scopes = new ReportScopes(definitions);
        assertThat(definitions.communes()).hasSize(42);
        assertThat(scopes.all()).hasSize(84);
        for (String code : codes) {
            CommuneDefinition commune = definitions.commune(code).orElseThrow();
            assertThat(commune.officeAdmins()).containsExactly(String.valueOf(700_000 + Integer.parseInt(code.substring(3))));
            assertThat(scopes.owedBy(code)).extracting(ReportScope::reportCode).containsExactly("cchc", "cchc-nam");
        }
        assertThat(definitions.commune("xa-17").orElseThrow().name()).isEqualTo("Xã Thử Nghiệm 17");
    }

    @Test
    void aCommuneOwesOnlyTheReportsItLists() {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations"),
                Map.of("communes/mau-thu.yaml", Map.of("reports: [cchc, cchc-nam]", "reports: [cchc-nam]")));
        ReportScopes scopes = new ReportScopes(DefinitionFiles.load(root));
        assertThat(scopes.owedBy("mau-thu")).extracting(ReportScope::reportCode).containsExactly("cchc-nam");
        assertThat(scopes.owed("mau-thu", "cchc")).isEmpty();
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertRefused(Map.of("communes/mau-thu.yaml", Map.of("reports: [cchc, cchc-nam]", "reports: [cchc, tu-phap]")),
                "mau-thu.yaml", "reports › tu-phap", "reports ghi báo cáo «tu-phap», nhưng không có báo cáo này");
        assertRefused(Map.of("communes/mau-thu.yaml", Map.of("reports: [cchc, cchc-nam]", "reports: [cchc, cchc]")),
                "mau-thu.yaml", "reports › cchc", "được ghi hai lần");
        assertRefused(Map.of("communes/mau-thu.yaml", Map.of("reports: [cchc, cchc-nam]", "")),
                "mau-thu.yaml", null, "xã chưa ghi báo cáo nào phải nộp");
        assertRefused(Map.of("communes/mau-thu.yaml", Map.of("  - code: trung-tam-hcc", "  - code: trung-tam")),
                "mau-thu.yaml", "reports › cchc", "không có phòng, ban «trung-tam-hcc»");
        assertRefused(Map.of("communes/mau-thu.yaml", Map.of("office_admins: []", "office_admins: [\"@lan\"]")),
                "mau-thu.yaml", "office_admins", "«@lan» không phải mã người dùng Telegram");
        assertRefused(Map.of("reports/cchc-nam/report.yaml", Map.of("shares: cchc", "shares: tu-phap")),
                "report.yaml", "shares", "shares ghi báo cáo «tu-phap»");
        assertRefused(Map.of("reports/cchc-nam/report.yaml", Map.of("opens: by-office", "opens: tu-dong")),
                "report.yaml", null, "opens «tu-dong» không hợp lệ");
        assertRefused(Map.of("reports/cchc-nam/report.yaml", Map.of("frequency: year", "frequency: year\nrules: []")),
                "report.yaml", null, "không khai «rules»");
    }

    @Test
    void aReportThatSharesQuestionsHasNoFlowsOfItsOwn() throws Exception {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations"), Map.of());
        Files.createDirectories(root.resolve("reports/cchc-nam/flows"));
        Throwable thrown = catchThrowable(() -> DefinitionFiles.load(root));
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        assertThat(((DefinitionException) thrown).file().getFileName().toString()).isEqualTo("flows");
        assertThat(((DefinitionException) thrown).problem()).contains("sửa câu hỏi ở reports/cchc/flows");
    }

    private void assertRefused(Map<String, Map<String, String>> edits, String fileName, String entry, String problem) {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations-" + System.nanoTime()), edits);
        Throwable thrown = catchThrowable(() -> DefinitionFiles.load(root));
        assertThat(thrown).as(problem).isInstanceOf(DefinitionException.class);
        DefinitionException refused = (DefinitionException) thrown;
        assertThat(refused.file().getFileName().toString()).isEqualTo(fileName);
        if (entry != null) {
            assertThat(refused.entry()).isEqualTo(entry);
        }
        assertThat(refused.problem()).contains(problem);
    }
}
