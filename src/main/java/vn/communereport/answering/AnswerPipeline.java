package vn.communereport.answering;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.SaveOutcome;
import vn.communereport.definition.Reading;
import vn.communereport.messaging.Texts;
import vn.communereport.report.Outlier;
import vn.communereport.report.OutlierCheck;
import vn.communereport.report.ReportCompiler;
import vn.communereport.report.RuleFinding;

/**
 * The one way an answer is stored, whatever the channel (chat, form, spreadsheet): read it as its question's
 * type reads it, check the department's rules, check nobody changed it meanwhile, store it and record the
 * change. Nothing is stored unless the outcome is {@link AnswerOutcome.Stored}.
 */
@Service
public class AnswerPipeline {

    private final CollectionService collection;
    private final ReportCompiler reports;
    private final Texts texts;
    private final LockedEntry lockedEntry;
    private final OutlierCheck outliers;

    AnswerPipeline(CollectionService collection, ReportCompiler reports, Texts texts, LockedEntry lockedEntry, OutlierCheck outliers) {
        this.lockedEntry = lockedEntry;
        this.collection = collection;
        this.reports = reports;
        this.texts = texts;
        this.outliers = outliers;
    }

    @Transactional
    public AnswerOutcome answer(AnswerRequest request) {
        if (!request.member().answersFor(request.question().departmentCode())
                || !request.member().getCommuneCode().equals(request.period().getCommuneCode())) {
            return new AnswerOutcome.NotAllowed();
        }
        Optional<String> late = lockedEntry.refusal(request.period(), request.question().departmentCode());
        if (late.isPresent()) {
            return new AnswerOutcome.Locked(request.period().isOpen(), late.get()); // past the deadline and its grace
        }
        AnswerValue value;
        String reason = null;
        if (request.input() instanceof AnswerInput.Typed typed) {
            Reading reading = request.question().type().read(typed.text(), request.question().unit(), texts);
            if (!reading.ok()) {
                return new AnswerOutcome.Refused(reading.problemKey(), reading.problemArgs());
            }
            value = reading.number() != null ? AnswerValue.ofNumber(reading.number()) : AnswerValue.ofText(reading.text());
        } else {
            value = ((AnswerInput.Given) request.input()).value();
        }
        if (request.question().type().numeric() && !value.skipped()) {
            List<RuleFinding> findings = reports.checkAnswer(request.period(), request.question(), value.number());
            Optional<RuleFinding> error = findings.stream().filter(RuleFinding::isError).findFirst();
            if (error.isPresent()) {
                return new AnswerOutcome.Refused("rule.error", error.get().description());
            }
            List<Outlier> far = outliers.check(request.period(), request.question(), value.number());
            if (!findings.isEmpty() || !far.isEmpty()) {
                if (!request.warningsAccepted()) {
                    return new AnswerOutcome.NeedsConfirmation(value, findings, far);
                }
                // A warning is kept only with a reason, stored with the change it explains.
                Optional<String> problem = KeptReason.problem(request.reason());
                if (problem.isPresent()) {
                    return new AnswerOutcome.NeedsReason(value, AnswerOutcome.describe(findings, far),
                            request.reason() == null ? null : problem.get());
                }
                reason = KeptReason.clean(request.reason());
            }
        }
        SaveOutcome saved = collection.save(request.period(), request.question(), value, request.member().getId(),
                request.shownVersion(), request.overwrite(), reason);
        return switch (saved.kind()) {
            case SAVED -> new AnswerOutcome.Stored(value, saved.current());
            case STALE -> new AnswerOutcome.ChangedMeanwhile(value, saved.current());
            case LOCKED -> new AnswerOutcome.Locked(request.period().isOpen(),
                    lockedEntry.refusal(request.period(), request.question().departmentCode()).orElse(null));
        };
    }
}
