package vn.communereport.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportContext;

/**
 * Compiles the report of a period from the stored answers: the DOCX (narrative and statistics annex) and the
 * XLSX table, marked as a draft with what is missing until every part is in, and checked against the rules.
 */
@Service
public class ReportCompiler {

    private final ReportContext context;
    private final CollectionService collection;
    private final Clock clock;
    private final Ownership ownership;
    private final ReportFiles files = new ReportFiles();

    ReportCompiler(ReportContext context, CollectionService collection, Clock clock) {
        this.context = context;
        this.collection = collection;
        this.clock = clock;
        this.ownership = new Ownership(context.report());
    }

    /** The whole report of a period: DOCX + XLSX, with what is missing and what the rules found. */
    public CompiledReport compile(ReportingPeriod period, LocalDate reportDate) {
        return files.compile(data(period, reportDate));
    }

    /** One department's own part (its narratives and figures) as a DOCX, for its members. */
    public GeneratedFile departmentPart(ReportingPeriod period, String departmentCode) {
        return files.departmentPart(data(period, null), departmentCode);
    }

    /** Rules broken by one new answer, limited to rules within the answering department. */
    public List<RuleFinding> checkAnswer(ReportingPeriod period, Question question, BigDecimal newValue) {
        Set<String> needed = ownership.questionsCheckedWith(question);
        if (needed.isEmpty()) {
            return List.of(); // no rule of the department involves this figure
        }
        Map<String, AnswerValue> answers = new HashMap<>();
        collection.answers(period.getId(), needed).forEach((id, answer) -> answers.put(id, answer.value()));
        return RuleChecker.checkAnswer(ownership, answers, question, newValue);
    }

    private ReportData data(ReportingPeriod period, LocalDate reportDate) {
        if (!context.report().code().equals(period.getReportCode())) {
            throw new IllegalArgumentException("period " + period.getId() + " is of report " + period.getReportCode()
                    + ", not " + context.report().code());
        }
        Map<String, AnswerValue> answers = new HashMap<>();
        for (Map.Entry<String, Answer> entry : collection.periodAnswers(period.getId()).entrySet()) {
            answers.put(entry.getKey(), entry.getValue().value());
        }
        Set<String> submitted = new HashSet<>();
        for (Flow flow : context.flows()) {
            if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
                submitted.add(flow.departmentCode());
            }
        }
        return new ReportData(context.commune(), ownership, period.key(), answers, submitted, reportDate, LocalDate.now(clock));
    }
}
