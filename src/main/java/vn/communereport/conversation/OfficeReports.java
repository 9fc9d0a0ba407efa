package vn.communereport.conversation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Texts;
import vn.communereport.report.CompiledReport;
import vn.communereport.report.MissingPart;
import vn.communereport.report.ReportCompiler;
import vn.communereport.report.CheckLine;

/** The compiled report and what it is made of: the draft, a department's own part, a figure's history, the raw data. */
@Component
class OfficeReports {

    private final PeriodService periods;
    private final CollectionService collection;
    private final ReportCompiler reports;
    private final Texts texts;
    private final Screens screens;
    private final ChannelLimits limits;
    private final vn.communereport.definition.ReportScopes scopes;

    OfficeReports(PeriodService periods, CollectionService collection, ReportCompiler reports, Texts texts, Screens screens,
                  ChannelLimits limits, vn.communereport.definition.ReportScopes scopes) {
        this.scopes = scopes;
        this.periods = periods;
        this.collection = collection;
        this.reports = reports;
        this.texts = texts;
        this.screens = screens;
        this.limits = limits;
    }

    private ReportingPeriod period(Turn turn) {
        return periods.currentPeriod(turn.scope);
    }

    /**
     * A draft until every part is in, as DOCX and XLSX, with what is missing and what the rules found. The button under
     * "all parts are in" names its period: that one, when it is of the office's own commune (whichever report it is).
     */
    void compile(Turn turn, String argument) {
        ReportingPeriod period = argument.matches("\\d{1,18}")
                ? periods.byId(Long.parseLong(argument)).filter(p -> p.getCommuneCode().equals(turn.scope.communeCode())
                        && turn.scope.commune().owes(p.getReportCode())).orElseGet(() -> period(turn))
                : period(turn);
        CompiledReport report = reports.compile(period, null);
        StringBuilder text = new StringBuilder(texts.get(report.draft() ? "compile.draft" : "compile.final",
                scopes.of(period.getCommuneCode(), period.getReportCode()).map(s -> s.report().name()).orElse(turn.scope.report().name()),
                period.key().label()));
        if (!report.missing().isEmpty()) {
            text.append("\n\n").append(texts.get("compile.missing", report.missing().size()));
            for (MissingPart part : report.missing()) {
                text.append('\n').append(texts.get("compile.missing-line", part.description()));
            }
        }
        text.append("\n\n").append(texts.get("compile.checks"));
        if (report.checks().isEmpty()) {
            text.append('\n').append(texts.get("compile.checks-ok"));
        }
        for (CheckLine check : report.checks()) {
            String key = switch (check.kind()) {
                case ERROR -> "compile.error";
                case WARNING -> "compile.warning";
                case OUTLIER -> "reasons.compile.outlier";
            };
            text.append('\n').append(texts.get(key, check.description()));
            check.reasons().forEach(reason -> text.append(' ').append(reason));
        }
        Screens.split(text.toString(), limits.messageLength()).forEach(turn::say);
        turn.attach(report.docx());
        turn.attach(report.xlsx());
    }

    /** A member's own part as a DOCX; the compiled report is only for the office. */
    void departmentPart(Turn turn, String argument) {
        if (turn.scope.flowOf(turn.member.getDepartmentCode()).isEmpty()) {
            turn.say(texts.get("member.no-flow", turn.scope.office()));
            return;
        }
        turn.attach(reports.departmentPart(period(turn), turn.member.getDepartmentCode()));
    }

    /** Who changed a figure or a block, when, from what to what. */
    void history(Turn turn, String argument) {
        String wanted = argument.trim();
        ReportDefinition report = turn.scope.report();
        Optional<Question> question = report.question(wanted.toLowerCase(Texts.VIETNAMESE))
                .or(() -> Optional.ofNullable(report.questionsBySlot().get("bieu:" + wanted)))
                .or(() -> Optional.ofNullable(report.questionsBySlot().get("muc:" + wanted)));
        if (question.isEmpty()) {
            turn.say(texts.get("history.usage"));
            return;
        }
        ReportingPeriod period = period(turn);
        List<CollectionService.Change> changes = collection.history(period.getId(), question.get().id());
        StringBuilder text = new StringBuilder(texts.get("history.header", screens.place(report, question.get()),
                Screens.shorten(question.get().prompt(), 120), period.key().label()));
        if (changes.isEmpty()) {
            text.append('\n').append(texts.get("history.none"));
        }
        for (CollectionService.Change change : changes) {
            text.append('\n').append(texts.get("history.line", screens.when(change.changedAt()), screens.who(change.changedBy()),
                    auditValue(question.get(), change.oldValue()), auditValue(question.get(), change.newValue())));
            if (change.reason() != null) {
                text.append('\n').append(texts.get("reasons.history.line", change.reason()));
            }
        }
        Screens.split(text.toString(), limits.messageLength()).forEach(turn::say);
    }

    private String auditValue(Question question, String stored) {
        if (stored == null) {
            return texts.get("history.empty");
        }
        if (question.type().numeric() && stored.matches("\\d+(\\.\\d+)?")) {
            return screens.value(question, AnswerValue.ofNumber(new BigDecimal(stored)));
        }
        return Screens.shorten(stored, 80);
    }

    /** Every answer of the period as a CSV file that opens in Excel. */
    void export(Turn turn, String argument) {
        ReportingPeriod period = period(turn);
        byte[] csv = AnswerExport.csv(turn.scope.commune(), turn.scope.flows(), collection.periodAnswers(period.getId()), screens, texts);
        String name = texts.get("export.file-name", turn.scope.report().code().toUpperCase(), period.key().fileCode(),
                turn.scope.commune().fileCode());
        turn.attach(name, csv, texts.get("export.caption", turn.scope.report().name(), period.key().label()));
    }
}
