package vn.communereport.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.Wording;

/**
 * Compiles the report of a period from the stored answers: the DOCX (narrative and statistics annex) and the
 * XLSX table, marked as a draft with what is missing until every part is in, and checked against the rules.
 */
@Service
public class ReportCompiler {

    private final ReportScopes scopes;
    private final CollectionService collection;
    private final Wording texts;
    private final Clock clock;
    /** Who owns which row and which rules, per report definition: worked out once, used for every answer. */
    private final Map<String, Ownership> ownerships = new ConcurrentHashMap<>();
    private final ReportFiles files = new ReportFiles();
    private final SentenceChoices sentenceChoices;

    /** Figures against last period, for the checks; null (tests that build the compiler by hand) compares nothing. */
    private final OutlierCheck outliers;

    ReportCompiler(ReportScopes scopes, CollectionService collection, Wording texts, Clock clock, SentenceChoices sentenceChoices) {
        this(scopes, collection, texts, clock, sentenceChoices, null);
    }

    @Autowired
    ReportCompiler(ReportScopes scopes, CollectionService collection, Wording texts, Clock clock, SentenceChoices sentenceChoices,
                   OutlierCheck outliers) {
        this.scopes = scopes;
        this.collection = collection;
        this.texts = texts;
        this.clock = clock;
        this.sentenceChoices = sentenceChoices;
        this.outliers = outliers;
    }

    /** The commune and report a stored period belongs to. */
    private ReportScope scope(ReportingPeriod period) {
        return scopes.of(period.getCommuneCode(), period.getReportCode()).orElseThrow(() -> new IllegalArgumentException(
                "period " + period.getId() + " is of commune " + period.getCommuneCode() + " and report " + period.getReportCode()
                        + ", which the definitions do not hold"));
    }

    private Ownership ownership(ReportScope scope) {
        return ownerships.computeIfAbsent(scope.report().code(), code -> new Ownership(scope.report()));
    }

    /** The whole report of a period: DOCX + XLSX, with what is missing and what the rules found. */
    public CompiledReport compile(ReportingPeriod period, LocalDate reportDate) {
        return files.compile(data(period, reportDate));
    }

    /** The report's DOCX alone (a draft while parts are missing), for those who gather many communes' reports. */
    public GeneratedFile document(ReportingPeriod period, LocalDate reportDate) {
        return files.document(data(period, reportDate));
    }

    /** One department's own part (its narratives and figures) as a DOCX, for its members. */
    public GeneratedFile departmentPart(ReportingPeriod period, String departmentCode) {
        return files.departmentPart(data(period, null), departmentCode);
    }

    /** What the rules find in a period's figures as they stand, without writing any file. */
    public List<RuleFinding> findings(ReportingPeriod period) {
        return data(period, null).findings();
    }

    /** The findings of rules that name a row this department fills (its own rules and those it shares with others). */
    public List<RuleFinding> findingsInvolving(ReportingPeriod period, String departmentCode) {
        Ownership ownership = ownership(scope(period));
        return findings(period).stream()
                .filter(f -> f.rule().rowCodes().stream().anyMatch(code -> ownership.ownsRow(departmentCode, code))).toList();
    }

    /**
     * The checks as the office reads them ("Kiểm tra số liệu"): the rules' findings and the figures far from last
     * period's, each with the reasons the departments gave for keeping the figures it names.
     */
    public List<CheckLine> checks(ReportingPeriod period) {
        return data(period, null).checks();
    }

    /** The checks that name a row this department fills. */
    public List<CheckLine> checksInvolving(ReportingPeriod period, String departmentCode) {
        Ownership ownership = ownership(scope(period));
        ReportData data = data(period, null);
        List<CheckLine> own = new java.util.ArrayList<>();
        List<CheckLine> all = data.checks();
        int findings = data.findings().size();
        for (int i = 0; i < all.size(); i++) {
            List<String> rows = i < findings ? data.findings().get(i).rule().rowCodes()
                    : List.of(data.outliers().get(i - findings).rowCode());
            if (rows.stream().anyMatch(code -> ownership.ownsRow(departmentCode, code))) {
                own.add(all.get(i));
            }
        }
        return own;
    }

    /** Rules broken by one new answer, limited to rules within the answering department. */
    public List<RuleFinding> checkAnswer(ReportingPeriod period, Question question, BigDecimal newValue) {
        Ownership ownership = ownership(scope(period));
        Set<String> needed = ownership.questionsCheckedWith(question);
        if (needed.isEmpty()) {
            return List.of(); // no rule of the department involves this figure
        }
        Map<String, AnswerValue> answers = new HashMap<>();
        collection.answers(period.getId(), needed).forEach((id, answer) -> answers.put(id, answer.value()));
        return RuleChecker.checkAnswer(ownership, answers, question, newValue);
    }

    /**
     * Rates (computed rows) as the report writes them ("99,94"), from the stored answers of their parts; "" while a
     * part is still awaited or the rate is blank. For a form that shows a department's rates as its figures come in.
     */
    public Map<String, String> rates(ReportingPeriod period, Collection<String> rateCodes) {
        Ownership ownership = ownership(scope(period));
        Set<String> rows = new LinkedHashSet<>();
        rateCodes.forEach(code -> withParts(ownership, code, rows));
        Set<String> questionIds = new HashSet<>();
        for (String code : rows) {
            Question question = ownership.rowQuestion(code);
            if (question != null) {
                questionIds.add(question.id());
            }
        }
        Map<String, AnswerValue> answers = new HashMap<>();
        collection.answers(period.getId(), questionIds).forEach((id, answer) -> answers.put(id, answer.value()));
        Figures figures = Figures.of(ownership, answers, rows);
        Map<String, String> rates = new LinkedHashMap<>();
        rateCodes.forEach(code -> rates.put(code, figures.display(code)));
        return rates;
    }

    /** A heading or label of the report with its names filled for the period ("{KY_SAU}" → "6 THÁNG ĐẦU NĂM 2027"). */
    public String filled(ReportingPeriod period, String template) {
        return template == null ? null : new TemplateText(scope(period).commune(), period.key()).fill(template);
    }

    /** The reasons standing for the period's table figures, by row code. */
    private Map<String, String> reasonsByRow(ReportScope scope, ReportingPeriod period) {
        Map<String, String> byQuestion = new HashMap<>();
        Map<String, Question> bySlot = scope.report().questionsBySlot();
        List<String> ids = bySlot.values().stream().map(Question::id).toList();
        collection.keptReasons(period.getId(), ids).forEach((id, change) -> byQuestion.put(id, change.reason()));
        Map<String, String> byRow = new HashMap<>();
        for (Question question : bySlot.values()) {
            if (question.fills().kind() == vn.communereport.definition.Slot.Kind.TABLE_ROW && byQuestion.containsKey(question.id())) {
                byRow.put(question.fills().ref(), byQuestion.get(question.id()));
            }
        }
        return byRow;
    }

    private static void withParts(Ownership ownership, String code, Set<String> into) {
        TableRow row = ownership.row(code);
        if (row == null || !into.add(code) || row.kind() != TableRow.Kind.COMPUTED) {
            return;
        }
        withParts(ownership, row.compute().numerator(), into);
        withParts(ownership, row.compute().denominator(), into);
    }

    private ReportData data(ReportingPeriod period, LocalDate reportDate) {
        ReportScope scope = scope(period);
        Map<String, AnswerValue> answers = new HashMap<>();
        for (Map.Entry<String, Answer> entry : collection.periodAnswers(period.getId()).entrySet()) {
            answers.put(entry.getKey(), entry.getValue().value());
        }
        Set<String> submitted = new HashSet<>();
        for (Flow flow : scope.flows()) {
            // A part waiting for its head's approval is still missing from the report.
            if (collection.isIn(period.getId(), flow.departmentCode())) {
                submitted.add(flow.departmentCode());
            }
        }
        ReportData data = new ReportData(texts, scope.commune(), ownership(scope), period.key(), answers, submitted, reportDate,
                LocalDate.now(clock), sentenceChoices.ofPeriod(period.getId()));
        return outliers == null ? data : data.kept(outliers.all(period), reasonsByRow(scope, period));
    }
}
