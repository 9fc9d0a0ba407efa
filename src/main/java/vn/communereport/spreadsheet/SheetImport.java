package vn.communereport.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.Reading;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.Slot;
import vn.communereport.spreadsheet.PartLayout.Item;
import vn.communereport.spreadsheet.PartLayout.Line;

/**
 * Imports a filled template in one transaction. The file is refused whole, before anything is stored, unless it
 * is this department's template for the open period of a part not handed in. Then each cell the person changed
 * goes through the {@link AnswerPipeline} as a typed message would: its type reads it, the rules check it, the
 * version the template showed guards a colleague's newer answer. A cell equal to what is stored, or to what the
 * template showed, changes nothing; an empty cell leaves the stored value alone.
 */
@Component
class SheetImport {

    /** What an import found, before it is worded. */
    record Outcome(Refusal refusal, List<RowResult> rows) {
    }

    private record Attempt(Question question, String label, String typed, Long shownVersion) {
    }

    private final AnswerPipeline pipeline;
    private final CollectionService collection;
    private final PeriodService periods;
    private final ResultText wording;
    private final LockedEntry lockedEntry;

    SheetImport(AnswerPipeline pipeline, CollectionService collection, PeriodService periods, ResultText wording,
                LockedEntry lockedEntry) {
        this.lockedEntry = lockedEntry;
        this.pipeline = pipeline;
        this.collection = collection;
        this.periods = periods;
        this.wording = wording;
    }

    @Transactional
    Outcome run(Member member, ReportScope scope, byte[] file, boolean confirmWarnings, String reason) {
        Optional<Flow> flow = scope.flowOf(member.getDepartmentCode());
        if (flow.isEmpty()) {
            return refused("sheet.refused.no-part");
        }
        TemplateReader.Result read = TemplateReader.read(file);
        if (read.refusal() != null) {
            return new Outcome(read.refusal(), List.of());
        }
        SheetIdentity identity = read.identity();
        Optional<Refusal> wrong = wrongPlace(member, scope, identity);
        if (wrong.isPresent()) {
            return new Outcome(wrong.get(), List.of());
        }
        ReportingPeriod period = periods.byId(identity.periodId()).orElseThrow();
        Map<String, Item> items = items(scope, flow.get(), new TitleNames(scope.commune(), period.key()));
        for (TemplateReader.Filled filled : read.rows()) {
            Item item = items.get(filled.questionId());
            if (item == null || (item.question().fills().kind() == Slot.Kind.BLOCK) != filled.narrative()) {
                return refused("sheet.refused.old-template");
            }
        }
        return new Outcome(null, store(member, period, flow.get(), items, read.rows(), confirmWarnings, reason));
    }

    /** Another commune's, report's, department's or period's file, or a part that cannot change any more. */
    private Optional<Refusal> wrongPlace(Member member, ReportScope scope, SheetIdentity identity) {
        if (!identity.communeCode().equals(member.getCommuneCode())) {
            return Optional.of(new Refusal("sheet.refused.other-commune"));
        }
        if (!identity.reportCode().equals(scope.report().code())) {
            return Optional.of(new Refusal("sheet.refused.other-report"));
        }
        if (!identity.departmentCode().equals(member.getDepartmentCode())) {
            String theirs = scope.commune().department(identity.departmentCode()).map(d -> d.name()).orElse(identity.departmentCode());
            return Optional.of(new Refusal("sheet.refused.other-department", theirs, scope.department(member.getDepartmentCode()).name()));
        }
        Optional<ReportingPeriod> period = periods.byId(identity.periodId())
                .filter(p -> p.getCommuneCode().equals(identity.communeCode()) && p.getReportCode().equals(identity.reportCode())
                        && p.key().key().equals(identity.periodKey()));
        if (period.isEmpty()) {
            return Optional.of(new Refusal("sheet.refused.not-template"));
        }
        String label = period.get().key().label();
        List<ReportingPeriod> open = periods.openPeriods(scope.communeCode(), scope.report());
        if (!period.get().isOpen()) {
            return Optional.of(open.isEmpty() ? new Refusal("sheet.refused.closed", label)
                    : new Refusal("sheet.refused.other-period", label, open.get(0).key().label()));
        }
        if (collection.isSubmitted(period.get().getId(), member.getDepartmentCode())) {
            return Optional.of(new Refusal("sheet.refused.submitted", scope.department(member.getDepartmentCode()).name(), scope.office()));
        }
        return lockedEntry.refusal(period.get(), member.getDepartmentCode()).map(late -> new Refusal("windows.as-is", late));
    }

    private List<RowResult> store(Member member, ReportingPeriod period, Flow flow, Map<String, Item> items,
                                  List<TemplateReader.Filled> rows, boolean confirmWarnings, String reason) {
        ResultText text = wording;
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        Map<String, RowResult> results = new LinkedHashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        for (TemplateReader.Filled filled : rows) {
            if (filled.content() == null) {
                continue; // an empty cell leaves the stored value alone
            }
            Item item = items.get(filled.questionId());
            Question question = item.question();
            String typed = filled.content().typed(question);
            Reading reading = question.type().read(typed, question.unit(), text.wording());
            if (reading.ok()) {
                AnswerValue value = reading.number() != null ? AnswerValue.ofNumber(reading.number()) : AnswerValue.ofText(reading.text());
                Answer current = stored.get(question.id());
                boolean asStored = current != null && current.value().sameAs(value);
                boolean asShown = CellValues.fingerprint(value).equals(filled.shownFingerprint());
                if (asStored || asShown) {
                    results.put(question.id(), text.unchanged(question, item.label()));
                    continue;
                }
            }
            results.put(question.id(), null); // keeps the file's order
            attempts.add(new Attempt(question, item.label(), typed, filled.shownVersion()));
        }
        attempt(member, period, attempts, confirmWarnings, reason, results, text);
        return new ArrayList<>(results.values());
    }

    /**
     * Stores the attempts through the pipeline. A rule checks a figure against the others as stored, so a file
     * that changes a whole and its part together may be refused or warned in one order and not in another: what
     * was refused by a rule or warned is tried again while another row of the file got stored.
     */
    private void attempt(Member member, ReportingPeriod period, List<Attempt> attempts, boolean confirmWarnings, String reason,
                         Map<String, RowResult> results, ResultText text) {
        Map<String, AnswerOutcome> last = new HashMap<>();
        List<Attempt> open = new ArrayList<>(attempts);
        boolean progress = true;
        while (progress && !open.isEmpty()) {
            progress = false;
            List<Attempt> again = new ArrayList<>();
            for (Attempt attempt : open) {
                AnswerRequest request = AnswerRequest.of(member, period, attempt.question(), AnswerInput.typed(attempt.typed()),
                        attempt.shownVersion());
                AnswerOutcome outcome = pipeline.answer(confirmWarnings ? request.withWarningsAccepted(reason) : request);
                last.put(attempt.question().id(), outcome);
                if (outcome instanceof AnswerOutcome.Stored) {
                    progress = true;
                } else if (outcome instanceof AnswerOutcome.NeedsConfirmation || outcome instanceof AnswerOutcome.NeedsReason
                        || outcome instanceof AnswerOutcome.Refused refused && "rule.error".equals(refused.reasonKey())) {
                    again.add(attempt);
                }
            }
            open = again;
        }
        for (Attempt attempt : attempts) {
            results.put(attempt.question().id(), text.row(attempt.question(), attempt.label(), attempt.typed(), last.get(attempt.question().id())));
        }
    }

    private static Map<String, Item> items(ReportScope scope, Flow flow, TitleNames names) {
        Map<String, Item> items = new HashMap<>();
        List<Line> lines = new ArrayList<>(PartLayout.figures(scope.report(), flow));
        lines.addAll(PartLayout.narratives(scope.report(), flow, names));
        for (Line line : lines) {
            if (line instanceof Item item) {
                items.put(item.question().id(), item);
            }
        }
        return items;
    }

    private static Outcome refused(String key, Object... args) {
        return new Outcome(new Refusal(key, args), List.of());
    }
}
