package vn.communereport.web.form;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.answering.KeptReason;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.messaging.Texts;
import vn.communereport.report.ReportCompiler;

/**
 * Saves one field through the {@link AnswerPipeline}, as the chat saves one answer, and says what came of it; and
 * tells the page what colleagues changed since it last looked.
 */
@Service
class FormSaving {

    private final AnswerPipeline pipeline;
    private final CollectionService collection;
    private final ReportCompiler reports;
    private final FieldValues values;
    private final FormPage page;
    private final Texts texts;

    FormSaving(AnswerPipeline pipeline, CollectionService collection, ReportCompiler reports, FieldValues values, FormPage page,
               Texts texts) {
        this.pipeline = pipeline;
        this.collection = collection;
        this.reports = reports;
        this.values = values;
        this.page = page;
        this.texts = texts;
    }

    /** What came of saving, with the status the page gets it under. */
    record Reply(HttpStatus status, FormJson.Saved body) {
    }

    Reply save(FormPart part, FormJson.Save save) {
        if (save == null || save.q() == null || save.period() == null || (save.value() == null && !save.skipping())) {
            throw new FormRefusal(HttpStatus.BAD_REQUEST, "form.error.malformed");
        }
        if (!save.period().equals(part.period().getId())) {
            throw new FormRefusal(HttpStatus.CONFLICT, "form.error.other-period", part.period().key().label());
        }
        Question question = question(part, save.q());
        AnswerInput input;
        if (save.skipping()) {
            if (!question.optional()) {
                throw new FormRefusal(HttpStatus.BAD_REQUEST, "form.error.not-optional");
            }
            input = AnswerInput.given(AnswerValue.SKIPPED);
        } else {
            input = AnswerInput.typed(save.value());
        }
        AnswerRequest request = AnswerRequest.of(part.member(), part.period(), question, input, save.version());
        if (save.overwriting()) {
            request = request.withOverwrite();
        }
        if (save.confirmed()) {
            request = request.withWarningsAccepted(save.reason());
        }
        return reply(part, question, pipeline.answer(request));
    }

    /** A question of this member's flow; one of another department (or none at all) is refused before anything is read. */
    private Question question(FormPart part, String questionId) {
        Optional<Question> mine = part.flow().question(questionId);
        if (mine.isPresent()) {
            return mine.get();
        }
        if (part.scope().report().question(questionId).isPresent()) {
            throw new FormRefusal(HttpStatus.FORBIDDEN, "form.error.not-yours");
        }
        throw new FormRefusal(HttpStatus.NOT_FOUND, "form.error.no-such-question");
    }

    private Reply reply(FormPart part, Question question, AnswerOutcome outcome) {
        if (outcome instanceof AnswerOutcome.Stored stored) {
            FormJson.Stored answer = values.stored(question, stored.answer());
            return new Reply(HttpStatus.OK, new FormJson.Saved("saved", texts.get("form.state.saved-by", answer.who(), answer.when()),
                    answer, null, progress(part), rates(part)));
        }
        if (outcome instanceof AnswerOutcome.Refused refused) {
            return new Reply(HttpStatus.UNPROCESSABLE_CONTENT,
                    FormJson.Saved.problem("refused", texts.get(refused.reasonKey(), refused.args())));
        }
        if (outcome instanceof AnswerOutcome.NeedsConfirmation warning) {
            String found = String.join(" ", warning.descriptions());
            return new Reply(HttpStatus.OK, FormJson.Saved.problem("confirm",
                    texts.get("form.warning", values.shown(question, warning.value()), found) + " " + texts.get("reasons.form.ask")));
        }
        if (outcome instanceof AnswerOutcome.NeedsReason needs) {
            String problem = texts.get(needs.problemKey() == null ? "reasons.problem.empty" : needs.problemKey(),
                    KeptReason.MIN_LENGTH, KeptReason.MAX_LENGTH);
            return new Reply(HttpStatus.UNPROCESSABLE_CONTENT, FormJson.Saved.problem("reason",
                    problem + " " + texts.get("form.warning", values.shown(question, needs.value()), String.join(" ", needs.warnings()))));
        }
        if (outcome instanceof AnswerOutcome.ChangedMeanwhile changed) {
            Answer current = changed.current();
            FormJson.Stored theirs = values.stored(question, current);
            String message = texts.get("form.changed", theirs.who(), theirs.when(), theirs.shown(), values.shown(question, changed.value()));
            return new Reply(HttpStatus.CONFLICT, new FormJson.Saved("changed", message, null, theirs, null, null));
        }
        if (outcome instanceof AnswerOutcome.Locked locked) {
            return new Reply(HttpStatus.CONFLICT, FormJson.Saved.problem("locked", Optional.ofNullable(locked.lateRefusal()).or(() -> page.locked(part))
                    .orElse(texts.get("flow.locked", part.scope().office()))));
        }
        return new Reply(HttpStatus.FORBIDDEN, FormJson.Saved.problem("error", texts.get("form.error.not-yours")));
    }

    FormJson.Progress progress(FormPart part) {
        Flow flow = part.flow();
        Map<String, Answer> stored = collection.departmentAnswers(part.period().getId(), flow.departmentCode());
        return new FormJson.Progress(flow.size() - collection.missingRequired(flow, stored).size(), flow.size());
    }

    Map<String, String> rates(FormPart part) {
        return reports.rates(part.period(), new FormLayout(part.scope().report(), texts, UnaryOperator.identity()).rateCodes(part.flow()));
    }

    /**
     * The part's answers changed at or after {@code since} (a little before, so a change committed while the last
     * look was under way is not missed: the page ignores versions it has).
     */
    FormJson.Changes changes(FormPart part, Instant since, Instant now) {
        Instant from = since.minusSeconds(5);
        List<FormJson.Stored> changed = new ArrayList<>();
        Map<String, Answer> stored = collection.departmentAnswers(part.period().getId(), part.flow().departmentCode());
        for (Question question : part.flow().questions()) {
            Answer answer = stored.get(question.id());
            if (answer != null && !answer.getUpdatedAt().isBefore(from)) {
                changed.add(values.stored(question, answer));
            }
        }
        int done = part.flow().size() - collection.missingRequired(part.flow(), stored).size();
        return new FormJson.Changes(now.toEpochMilli(), changed, new FormJson.Progress(done, part.flow().size()), rates(part),
                page.locked(part).orElse(null));
    }
}
