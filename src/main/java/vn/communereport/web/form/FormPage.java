package vn.communereport.web.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.Answer;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Submission;
import vn.communereport.definition.Choice;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.TableRow;
import vn.communereport.messaging.Texts;
import vn.communereport.report.ReportCompiler;

/** Builds the department's whole part for the page: every question with what is stored, last period's value and the rates. */
@Component
class FormPage {

    private final CollectionService collection;
    private final PeriodService periods;
    private final ReportCompiler reports;
    private final FieldValues values;
    private final Texts texts;
    private final LockedEntry lockedEntry;

    FormPage(CollectionService collection, PeriodService periods, ReportCompiler reports, FieldValues values, Texts texts,
             LockedEntry lockedEntry) {
        this.lockedEntry = lockedEntry;
        this.collection = collection;
        this.periods = periods;
        this.reports = reports;
        this.values = values;
        this.texts = texts;
    }

    FormView view(FormPart part, String csrf) {
        Flow flow = part.flow();
        ReportingPeriod period = part.period();
        FormLayout layout = new FormLayout(part.scope().report(), texts, text -> reports.filled(period, text));
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        Map<String, Answer> previous = periods.previous(period)
                .map(p -> collection.departmentAnswers(p.getId(), flow.departmentCode())).orElse(Map.of());
        Map<String, List<TableRow>> ratesAfter = layout.ratesAfter(flow);
        Map<String, String> rateValues = reports.rates(period, layout.rateCodes(flow));
        Map<Long, String> names = new HashMap<>(); // one look-up per person, not per answer
        List<FormView.Section> sections = new ArrayList<>();
        String heading = null;
        List<FormView.Field> fields = null;
        for (Question question : flow.questions()) {
            String title = layout.heading(question);
            if (!title.equals(heading)) {
                heading = title;
                fields = new ArrayList<>();
                sections.add(new FormView.Section(title, fields));
            }
            List<FormView.Rate> rates = ratesAfter.getOrDefault(question.id(), List.of()).stream()
                    .map(row -> new FormView.Rate(row.code(), reports.filled(period, row.label()), row.unit(), rateValues.getOrDefault(row.code(), ""))).toList();
            fields.add(field(layout, question, stored.get(question.id()), previous.get(question.id()), rates, names));
        }
        int done = flow.size() - collection.missingRequired(flow, stored).size();
        return new FormView(part.departmentName(), period.key().label(), values.when(period.getDeadline()), period.getId(), csrf,
                sections, done, flow.size(), locked(part).orElse(null));
    }

    private FormView.Field field(FormLayout layout, Question question, Answer answer, Answer previous, List<FormView.Rate> rates,
                                 Map<Long, String> names) {
        List<FormView.Option> options = new ArrayList<>();
        for (Choice choice : question.type().choices()) {
            options.add(new FormView.Option(choice.input(), texts.get(choice.labelKey())));
        }
        String kind = !options.isEmpty() ? "choice" : question.type().gathered() ? "area" : question.type().numeric() ? "number" : "text";
        String status = answer == null ? null
                : texts.get("form.state.saved-by", names.computeIfAbsent(answer.getUpdatedBy(), values::who), values.when(answer.getUpdatedAt()));
        boolean hasPrevious = previous != null && !previous.value().skipped();
        return new FormView.Field(question.id(), question.fills().ref(), layout.label(question),
                question.type().showsUnit() ? question.unit() : null, layout.help(question), texts.get("form." + question.type().hintKey()),
                kind, question.optional(), options,
                answer == null ? "" : values.raw(question, answer.value()), answer == null ? null : values.shown(question, answer.value()),
                answer == null ? null : answer.getVersion(),
                answer != null && answer.value().skipped(), status,
                hasPrevious ? values.shown(question, previous.value()) : null,
                hasPrevious ? values.raw(question, previous.value()) : null, rates);
    }

    /** Why nothing can be changed now (submitted, or the period closed), or empty. */
    Optional<String> locked(FormPart part) {
        ReportingPeriod period = part.period();
        if (!period.isOpen()) {
            return Optional.of(texts.get("period.closed-member", period.key().label(), part.scope().office()));
        }
        Optional<Submission> submission = collection.submission(period.getId(), part.flow().departmentCode());
        if (submission.isPresent() && submission.get().isSubmitted()) {
            return Optional.of(texts.get("flow.submitted", part.departmentName(), period.key().label(),
                    values.when(submission.get().getSubmittedAt()), values.who(submission.get().getSubmittedBy()), part.scope().office()));
        }
        return lockedEntry.refusal(period, part.flow().departmentCode());
    }
}
