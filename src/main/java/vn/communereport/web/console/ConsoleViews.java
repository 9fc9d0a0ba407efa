package vn.communereport.web.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Texts;
import vn.communereport.report.CheckLine;
import vn.communereport.report.RuleFinding;

/** Turns stored things into what the console's pages show: names, times and values written the Vietnamese way. */
@Component
class ConsoleViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** One department in the progress grid; {@code state} is the CSS class and the text key's last word. */
    record GridRow(String code, String name, String state, int answered, int total, String submittedAt, String submittedBy,
                   String reopenedAt, String reopenedBy, String comment) {

        public boolean owing() {
            return !"submitted".equals(state);
        }
    }

    /** One change; {@code reason} is why a value a warning questioned was kept ("" when none was asked). */
    record ChangeView(String at, String by, String from, String to, String reason) {
    }

    /**
     * One question of a department's part with its stored answer (if any) and every change to it; {@code reason} is the
     * reason that stands for the value shown ("" when none).
     */
    record FigureView(String ref, String prompt, String unit, boolean table, String value, boolean answered, String fullText,
                      String updatedAt, String updatedBy, List<ChangeView> history, String reason) {
    }

    /** A check; {@code outlier}: a figure far from last period's; {@code reasons}: why the figures it names were kept. */
    record FindingView(boolean error, String text, boolean outlier, List<String> reasons) {

        FindingView(boolean error, String text) {
            this(error, text, false, List.of());
        }
    }

    private final CollectionService collection;
    private final AccessService access;
    private final Texts texts;
    private final Clock clock;

    ConsoleViews(CollectionService collection, AccessService access, Texts texts, Clock clock) {
        this.collection = collection;
        this.access = access;
        this.texts = texts;
        this.clock = clock;
    }

    String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(clock.getZone()));
    }

    String who(Long memberId) {
        Optional<Member> member = memberId == null ? Optional.empty() : access.byId(memberId);
        return member.map(Member::getDisplayName).filter(n -> !n.isBlank()).orElse(texts.get("who.someone"));
    }

    List<GridRow> grid(ReportScope scope, ReportingPeriod period) {
        List<GridRow> rows = new ArrayList<>();
        for (DepartmentProgress p : collection.progress(period, scope.flows())) {
            String name = scope.department(p.departmentCode()).name();
            String state = switch (p.state()) {
                case NOT_STARTED -> "not-started";
                case ANSWERING -> "answering";
                case SUBMITTED -> "submitted";
                case REOPENED -> "reopened";
                case AWAITING_APPROVAL -> "awaiting-approval";
            };
            String reopenedAt = "";
            String reopenedBy = "";
            String comment = "";
            if (p.state() == DepartmentProgress.State.REOPENED) {
                Optional<Submission> submission = collection.submission(period.getId(), p.departmentCode());
                reopenedAt = submission.map(s -> when(s.getReopenedAt())).orElse("");
                reopenedBy = submission.map(s -> who(s.getReopenedBy())).orElse("");
                comment = submission.map(Submission::getReopenComment).orElse("");
            }
            rows.add(new GridRow(p.departmentCode(), name, state, p.answered(), p.total(), when(p.submittedAt()),
                    p.submittedBy() == null ? "" : who(p.submittedBy()), reopenedAt, reopenedBy, comment));
        }
        return rows;
    }

    /** Every question of the department's flow, in the flow's order, with its answer and history. */
    List<FigureView> figures(ReportingPeriod period, Flow flow) {
        Map<String, Answer> answers = collection.departmentAnswers(period.getId(), flow.departmentCode());
        Map<String, List<CollectionService.Change>> histories =
                collection.histories(period.getId(), flow.questions().stream().map(Question::id).toList());
        Map<Long, String> names = new HashMap<>();
        List<FigureView> figures = new ArrayList<>();
        for (Question question : flow.questions()) {
            Answer answer = answers.get(question.id());
            List<ChangeView> history = new ArrayList<>();
            for (CollectionService.Change change : histories.getOrDefault(question.id(), List.of())) {
                history.add(new ChangeView(when(change.changedAt()), names.computeIfAbsent(change.changedBy(), this::who),
                        audit(question, change.oldValue()), audit(question, change.newValue()),
                        change.reason() == null ? "" : change.reason()));
            }
            List<CollectionService.Change> changes = histories.getOrDefault(question.id(), List.of());
            String reason = changes.isEmpty() || changes.get(changes.size() - 1).reason() == null ? ""
                    : changes.get(changes.size() - 1).reason();
            boolean table = question.fills().kind() == vn.communereport.definition.Slot.Kind.TABLE_ROW;
            String unit = question.type().showsUnit() && question.unit() != null ? question.unit() : "";
            if (answer == null) {
                figures.add(new FigureView(question.fills().ref(), question.prompt(), unit, table, texts.get("console.value.none"),
                        false, "", "", "", history, reason));
                continue;
            }
            AnswerValue value = answer.value();
            String full = !value.skipped() && question.type().gathered() ? value.text() : "";
            figures.add(new FigureView(question.fills().ref(), question.prompt(), unit, table, shown(question, value), true, full,
                    when(answer.getUpdatedAt()), names.computeIfAbsent(answer.getUpdatedBy(), this::who), history, reason));
        }
        return figures;
    }

    List<FindingView> findings(List<RuleFinding> findings) {
        return findings.stream().map(f -> new FindingView(f.isError(), f.description())).toList();
    }

    /** The report's checks with the reasons given for keeping the figures they name. */
    List<FindingView> checks(List<CheckLine> checks) {
        return checks.stream().map(c -> new FindingView(c.isError(), c.description(), c.kind() == CheckLine.Kind.OUTLIER,
                c.reasons())).toList();
    }

    private String shown(Question question, AnswerValue value) {
        if (value.skipped()) {
            return texts.get("value.skipped");
        }
        return question.type().show(value.number(), value.text(), question.unit(), texts);
    }

    /** A value as the audit trail keeps it (canonical numbers, a worded skip), shown as the person typed it. */
    private String audit(Question question, String stored) {
        if (stored == null) {
            return texts.get("history.empty");
        }
        if (question.type().numeric() && stored.matches("\\d+(\\.\\d+)?")) {
            return shown(question, AnswerValue.ofNumber(new BigDecimal(stored)));
        }
        return vn.communereport.definition.Shortened.oneLine(stored, 120);
    }
}
