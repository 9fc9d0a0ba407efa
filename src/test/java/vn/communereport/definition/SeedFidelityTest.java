package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.testsupport.SeedReport;

/**
 * Fidelity to the seed: every row of the seed's statistics table that has a unit is a figure some department answers
 * (or a rate computed from such figures), row by row in the seed's order.
 */
class SeedFidelityTest {

    static final Path CONVERSATIONS = Path.of("conversations");
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*([IVX]+\\.?|\\d+(?:\\.\\d+)*)\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);

    @TempDir
    Path temp;

    @Test
    void everySeedRowWithAUnitIsAnsweredBySomeDepartment() {
        ReportDefinition report = DefinitionFiles.load(CONVERSATIONS).report("cchc").orElseThrow();
        assertThat(rowsWithAUnitNobodyAnswers(report)).isEmpty();
    }

    @Test
    void leadersAppointedThroughCompetitionAreAskedOfTheCultureAndSocietyDepartment() {
        ReportDefinition report = DefinitionFiles.load(CONVERSATIONS).report("cchc").orElseThrow();
        TableRow row = report.row("V.3").orElseThrow();
        assertThat(row.kind()).isEqualTo(TableRow.Kind.FIGURE);
        assertThat(row.unit()).isEqualTo("Người");
        Question question = report.questionsBySlot().get("bieu:V.3");
        assertThat(question.departmentCode()).isEqualTo("van-hoa-xa-hoi");
        assertThat(question.type()).isEqualTo(QuestionType.INTEGER);
        // The seed leaves the cell blank: the question may be skipped, and the seed's values give it its blank.
        assertThat(question.optional()).isTrue();
        assertThat(SeedReport.tableValues(report)).containsEntry("V.3", "").containsEntry("V.3.1", "5");
        Flow flow = report.flow("van-hoa-xa-hoi").orElseThrow();
        assertThat(flow.indexOf(question.id())).isEqualTo(flow.indexOf(report.questionsBySlot().get("bieu:V.3.1").id()) - 1);
    }

    /** The check itself fails on the definitions as they were, with V.3 a heading: it is a check that can fail. */
    @Test
    void theCheckFindsARowWithAUnitThatIsAHeading() throws IOException {
        Path root = copyOfShipped();
        Path table = root.resolve("reports/cchc/report.yaml");
        Files.writeString(table, Files.readString(table).replace(
                "(Lũy kế từ đầu năm)\n      unit: Người                # a figure, as the seed's unit says (its value is blank there)\n",
                "(Lũy kế từ đầu năm)\n      group: true\n"));
        Path flow = root.resolve("reports/cchc/flows/van-hoa-xa-hoi.yaml");
        Files.writeString(flow, Files.readString(flow).replaceFirst("(?s)  - id: vh-ld-thi-tuyen\n.*?(?=  - id: vh-ld-xa-co-mat)", ""));
        ReportDefinition report = DefinitionFiles.load(root).report("cchc").orElseThrow();
        assertThat(report.row("V.3").orElseThrow().kind()).isEqualTo(TableRow.Kind.GROUP);
        assertThat(rowsWithAUnitNobodyAnswers(report)).containsExactly("V.3 (Người)");
    }

    /** Seed rows (in order, matched to the definition's) whose unit is given but that no question fills nor any rate computes. */
    static List<String> rowsWithAUnitNobodyAnswers(ReportDefinition report) {
        String text = SeedReport.text();
        Matcher m = ROW.matcher(text.substring(text.indexOf("BIỂU THỐNG KÊ SỐ LIỆU")));
        List<String> seedUnits = new ArrayList<>();
        while (m.find()) {
            seedUnits.add(m.group(3).trim());
        }
        List<TableRow> rows = report.rows();
        assertThat(seedUnits).hasSameSizeAs(rows);
        Map<String, Question> bySlot = report.questionsBySlot();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            String unit = seedUnits.get(i).isEmpty() ? row.unit() : seedUnits.get(i);
            if (unit == null || unit.isBlank()) {
                continue;
            }
            boolean answered = row.kind() == TableRow.Kind.FIGURE && bySlot.containsKey("bieu:" + row.code());
            boolean computed = row.kind() == TableRow.Kind.COMPUTED;
            if (!answered && !computed) {
                unanswered.add(row.code() + " (" + unit + ")");
            }
        }
        return unanswered;
    }

    private Path copyOfShipped() throws IOException {
        Path target = temp.resolve("conversations");
        try (Stream<Path> files = Files.walk(CONVERSATIONS)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path destination = target.resolve(CONVERSATIONS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }
}
