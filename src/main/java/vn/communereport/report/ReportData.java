package vn.communereport.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.SectionNode;
import vn.communereport.definition.SentencePattern;
import vn.communereport.definition.Slot;
import vn.communereport.definition.TableRow;
import vn.communereport.definition.Wording;

/**
 * Everything a rendering needs, gathered once: the definitions, the period, the answers, the figures computed
 * from them, what is missing and what the rules found, and the texts ({@code i18n/report.properties}) the
 * renderings are worded with.
 */
final class ReportData {

    /** A narrative block: its text, or that it is awaited (pending) or was skipped (left out with its heading). */
    record Block(String text, boolean pending, boolean skipped, String departmentCode) {
    }

    private final Wording texts;
    private final CommuneDefinition commune;
    private final Ownership ownership;
    private final PeriodKey period;
    private final Map<String, AnswerValue> answers;
    private final Set<String> submitted;
    private final LocalDate reportDate;
    private final LocalDate today;
    private final Figures figures;
    private final TemplateText templates;
    private final List<String> departmentOrder;
    private final List<MissingPart> missing;
    private final List<RuleFinding> findings;
    private final boolean draft;
    /** What members chose for their blocks' drafted sentences, by block. */
    private final Map<String, SentenceChoice> sentenceChoices;
    private final List<String> sentenceChecks;
    private final ReportParticulars particulars;
    /** Figures far from last period's (or out of range) and the reasons kept figures carry, by row code; see {@link #kept}. */
    private List<Outlier> outliers = List.of();
    private Map<String, String> reasons = Map.of();

    /**
     * @param answers      stored answers by question id
     * @param submitted    departments whose part is handed in
     * @param reportDate   the date printed on the report, or null to leave the day blank
     * @param today        gives month and year when the report is not dated yet
     */
    ReportData(Wording texts, CommuneDefinition commune, Ownership ownership, PeriodKey period, Map<String, AnswerValue> answers,
               Set<String> submitted, LocalDate reportDate, LocalDate today) {
        this(texts, commune, ownership, period, answers, submitted, reportDate, today, Map.of());
    }

    /** @param sentenceChoices what members chose for their blocks' drafted sentences, by block */
    ReportData(Wording texts, CommuneDefinition commune, Ownership ownership, PeriodKey period, Map<String, AnswerValue> answers,
               Set<String> submitted, LocalDate reportDate, LocalDate today, Map<String, SentenceChoice> sentenceChoices) {
        this.texts = texts;
        this.commune = commune;
        this.ownership = ownership;
        this.period = period;
        this.answers = Map.copyOf(answers);
        this.submitted = Set.copyOf(submitted);
        this.reportDate = reportDate;
        this.today = today;
        this.figures = Figures.of(ownership, this.answers);
        this.templates = new TemplateText(commune, period);
        this.departmentOrder = commune.departments().stream().map(Department::code).toList();
        this.missing = missingParts();
        this.findings = RuleChecker.check(ownership.report().rules(), figures);
        this.draft = !missing.isEmpty();
        this.sentenceChoices = Map.copyOf(sentenceChoices);
        this.sentenceChecks = DraftedSentences.checks(this);
        this.particulars = new ReportParticulars(texts, commune, ownership.report(), period, reportDate, today, templates);
    }

    private List<MissingPart> missingParts() {
        List<MissingPart> parts = new ArrayList<>();
        for (Department department : commune.departments()) {
            Flow flow = ownership.report().flow(department.code()).orElse(null);
            if (flow == null) {
                continue;
            }
            int figuresMissing = 0;
            int blocksMissing = 0;
            for (Question question : flow.questions()) {
                if (Figures.awaited(question, answers.get(question.id()))) {
                    if (question.fills().kind() == Slot.Kind.TABLE_ROW) {
                        figuresMissing++;
                    } else {
                        blocksMissing++;
                    }
                }
            }
            boolean handedIn = submitted.contains(department.code());
            if (!handedIn || figuresMissing + blocksMissing > 0) {
                parts.add(new MissingPart(department.code(), department.name(), figuresMissing, blocksMissing, handedIn,
                        texts.get("report.missing.line", department.name(), counts(figuresMissing, blocksMissing),
                                texts.get(handedIn ? "report.missing.submitted" : "report.missing.not-submitted"))));
            }
        }
        return List.copyOf(parts);
    }

    /** "11 số liệu, 5 mục lời văn"; "đủ nội dung" when nothing is missing. */
    String counts(int figuresMissing, int blocksMissing) {
        List<String> pieces = new ArrayList<>();
        if (figuresMissing > 0) {
            pieces.add(texts.get("report.count.figures", figuresMissing));
        }
        if (blocksMissing > 0) {
            pieces.add(texts.get("report.count.blocks", blocksMissing));
        }
        return pieces.isEmpty() ? texts.get("report.count.complete") : String.join(", ", pieces);
    }

    /** A text of {@code i18n/report.properties}. */
    String text(String key, Object... args) {
        return texts.get(key, args);
    }

    CommuneDefinition commune() {
        return commune;
    }

    ReportDefinition report() {
        return ownership.report();
    }

    Ownership ownership() {
        return ownership;
    }

    PeriodKey period() {
        return period;
    }

    LocalDate reportDate() {
        return reportDate;
    }

    LocalDate today() {
        return today;
    }

    Figures figures() {
        return figures;
    }

    TemplateText templates() {
        return templates;
    }

    /** Departments that still owe something or have not handed their part in. */
    List<MissingPart> missing() {
        return missing;
    }

    List<RuleFinding> findings() {
        return findings;
    }

    /** What history says of the figures: the outliers against last period and the reasons given, by row code. */
    ReportData kept(List<Outlier> outliers, Map<String, String> reasonsByRow) {
        this.outliers = List.copyOf(outliers);
        this.reasons = Map.copyOf(reasonsByRow);
        return this;
    }

    List<Outlier> outliers() {
        return outliers;
    }

    /** The checks as the office reads them: the rules' findings, then the outliers, each with the reasons given. */
    List<CheckLine> checks() {
        return ReportChecks.lines(findings, outliers, reasons, texts);
    }

    /** A rule's finding as a line of the checks, with the reasons given for the figures it names. */
    CheckLine line(RuleFinding finding) {
        return ReportChecks.line(finding, reasons, texts);
    }

    /** Not every part is in yet: some department has not handed in, or some answer is missing. */
    boolean draft() {
        return draft;
    }

    boolean submitted(String departmentCode) {
        return submitted.contains(departmentCode);
    }

    String departmentName(String code) {
        return commune.department(code).map(Department::name).orElse(code);
    }

    Block block(String blockId) {
        Question question = ownership.blockQuestion(blockId);
        if (question == null) {
            return new Block(null, false, true, null);
        }
        AnswerValue answer = answers.get(question.id());
        if (Figures.awaited(question, answer)) {
            return new Block(null, true, false, question.departmentCode());
        }
        if (answer.skipped() || answer.text() == null || answer.text().isBlank()) {
            return new Block(null, false, true, question.departmentCode());
        }
        return new Block(answer.text(), false, false, question.departmentCode());
    }

    /** Whether a section is printed: a skipped block is left out with its heading, and so is an emptied parent. */
    boolean shows(SectionNode node) {
        if (node.block() != null && !block(node.block()).skipped()) {
            return true;
        }
        return node.children().stream().anyMatch(this::shows);
    }

    /** Whether a section holds a block of the department (for its own part). */
    boolean holdsBlockOf(SectionNode node, String departmentCode) {
        if (node.block() != null && departmentCode.equals(ownership.blockOwner(node.block()))) {
            return true;
        }
        return node.children().stream().anyMatch(child -> holdsBlockOf(child, departmentCode));
    }

    // ------------------------------------------------------------------ markers

    /** "[Chưa có số liệu: Phòng Kinh tế — mục II.5.2]" */
    String blockMarker(String blockId) {
        return texts.get("report.marker.block", departmentName(ownership.blockOwner(blockId)), blockId);
    }

    /** "[Chưa có số liệu: Phòng Kinh tế]" for a table cell still awaited. */
    String cellMarker(String rowCode) {
        return texts.get("report.marker.cell", waitingNames(rowCode));
    }

    /** The marker for a row value quoted in a lead. */
    String leadMarker(String rowCode) {
        if (figures.pending(rowCode)) {
            return texts.get("report.marker.lead", waitingNames(rowCode), rowCode);
        }
        return texts.get("report.marker.lead-blank", rowCode);
    }

    private String waitingNames(String rowCode) {
        return String.join(", ", figures.waitingFor(rowCode, departmentOrder).stream().map(this::departmentName).toList());
    }

    /** A lead's pieces: names and row values filled, missing values as markers. */
    List<TemplateText.Piece> lead(String template) {
        return templates.pieces(template, code -> {
            TableRow row = ownership.row(code);
            if (row == null) {
                return null;
            }
            String value = figures.display(code);
            return value.isEmpty() ? new TemplateText.Piece(leadMarker(code), true) : new TemplateText.Piece(value, false);
        });
    }

    /**
     * What opens a block in place of its lead: the drafted sentence the member accepted (written from the figures as
     * they stand) or their own version of it; null when they chose none (the lead, if any, is printed as before).
     */
    List<TemplateText.Piece> opening(SectionNode node) {
        SentencePattern pattern = report().sentencePatterns().of(node.block()).orElse(null);
        SentenceChoice choice = node.block() == null ? null : sentenceChoices.get(node.block());
        if (pattern == null || choice == null || choice.kind() == SentenceChoice.Kind.DROPPED) {
            return null;
        }
        if (choice.kind() == SentenceChoice.Kind.EDITED) {
            return List.of(new TemplateText.Piece(choice.ownText(), false));
        }
        return lead(pattern.sentence());
    }

    Map<String, SentenceChoice> sentenceChoices() {
        return sentenceChoices;
    }

    /** Edited sentences that quote figures differently from the table, one line each, for "Kiểm tra số liệu". */
    List<String> sentenceChecks() {
        return sentenceChecks;
    }

    /** The report's particulars: number, place and date, opening, titles. */
    ReportParticulars particulars() {
        return particulars;
    }
}
