package vn.communereport.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Definitions;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.Department;
import vn.communereport.definition.Frequency;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.Wording;
import vn.communereport.messaging.TestTexts;
import vn.communereport.testsupport.SeedNarratives;
import vn.communereport.testsupport.SeedReport;

/** The shipped definitions with the seed report's own figures and narratives as answers. */
final class SeedFixture {

    static final Wording TEXTS = TestTexts.vietnamese();
    static final Definitions DEFINITIONS = DefinitionFiles.load(Path.of("conversations"));
    static final ReportDefinition REPORT = DEFINITIONS.report("cchc").orElseThrow();
    static final CommuneDefinition COMMUNE = DEFINITIONS.commune("binh-lu").orElseThrow();
    static final Ownership OWNERSHIP = new Ownership(REPORT);
    static final PeriodKey PERIOD = new PeriodKey(Frequency.HALF_YEAR, 2026, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 20);
    static final Set<String> ALL_DEPARTMENTS = COMMUNE.departments().stream().map(Department::code).collect(Collectors.toSet());

    /**
     * The value each figure row gets from the seed. Two seed cells are not numbers (README section 9, #9 and #10):
     * I.4.1 "12 chuyên mục, 48 tin" is 30 (tin, bài on the website, narrative I.3) and I.4.2 "210 hội nghị" is 1 (Có).
     */
    static final Map<String, String> CORRECTED = Map.of("I.4.1", "30", "I.4.2", "1");

    private SeedFixture() {
    }

    /** Row code → seed figure as a number (null for a blank cell), figure rows only. */
    static Map<String, BigDecimal> seedFigures() {
        Map<String, String> printed = SeedReport.tableValues(REPORT);
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (TableRow row : REPORT.rows()) {
            if (row.kind() == TableRow.Kind.FIGURE) {
                String text = CORRECTED.getOrDefault(row.code(), printed.get(row.code()));
                figures.put(row.code(), text.isBlank() ? null : parse(text));
            }
        }
        return figures;
    }

    static BigDecimal parse(String vietnamese) {
        return new BigDecimal(vietnamese.replace(".", "").replace(',', '.'));
    }

    /** Question id → answer: every seed figure (blank → skipped) and every seed narrative. */
    static Map<String, AnswerValue> seedAnswers() {
        Map<String, AnswerValue> answers = new HashMap<>();
        seedFigures().forEach((code, value) -> {
            Question question = OWNERSHIP.rowQuestion(code);
            answers.put(question.id(), value == null ? AnswerValue.SKIPPED : AnswerValue.ofNumber(value));
        });
        SeedNarratives.blocks(REPORT).forEach((block, text) ->
                answers.put(OWNERSHIP.blockQuestion(block).id(), AnswerValue.ofText(text)));
        return answers;
    }

    static ReportData seedData(LocalDate reportDate) {
        return new ReportData(TEXTS, COMMUNE, OWNERSHIP, PERIOD, seedAnswers(), ALL_DEPARTMENTS, reportDate, TODAY);
    }

    static ReportData data(Map<String, AnswerValue> answers, Set<String> submitted) {
        return new ReportData(TEXTS, COMMUNE, OWNERSHIP, PERIOD, answers, submitted, null, TODAY);
    }
}
