package vn.communereport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.communereport.collection.AnswerValue;

/**
 * Writes the seed report to /tmp/report for a person to look at (BaoCao.docx, BieuThongKe.xlsx, a draft and a
 * department's part), and measures the warm cost of rendering the whole report.
 */
class RenderSeedReportTest {

    static final Path OUT = Path.of(System.getProperty("report.out", "/tmp/report"));

    @Test
    void writesTheSeedReportForInspection() throws IOException {
        Files.createDirectories(OUT);
        ReportFiles files = new ReportFiles();
        CompiledReport report = files.compile(SeedFixture.seedData(LocalDate.of(2026, 6, 25)));
        Files.write(OUT.resolve("BaoCao.docx"), report.docx().content());
        Files.write(OUT.resolve("BieuThongKe.xlsx"), report.xlsx().content());

        Map<String, AnswerValue> answers = new HashMap<>(SeedFixture.seedAnswers());
        SeedFixture.REPORT.flow("kinh-te").orElseThrow().questions().forEach(q -> answers.remove(q.id()));
        answers.remove(SeedFixture.OWNERSHIP.rowQuestion("III.3.1").id());
        CompiledReport draft = files.compile(SeedFixture.data(answers, Set.of("van-phong")));
        Files.write(OUT.resolve("DuThao.docx"), draft.docx().content());
        Files.write(OUT.resolve("DuThao.xlsx"), draft.xlsx().content());
        Files.write(OUT.resolve("PhanBaoCao.docx"),
                files.departmentPart(SeedFixture.data(answers, Set.of("van-phong")), "trung-tam-hcc").content());
        assertThat(report.docx().content()).isNotEmpty();
    }
}
