package vn.communereport.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.SentencePattern;
import vn.communereport.definition.Wording;

/**
 * The drafted first sentences of narrative blocks, written from a period's stored figures (every department's), for a
 * channel to offer the member who writes the block; the same sentence the compiled report prints.
 */
@Service
public class SentenceDrafts {

    private final ReportScopes scopes;
    private final CollectionService collection;
    private final SentenceChoices choices;
    private final Wording texts;
    private final Clock clock;
    private final Map<String, Ownership> ownerships = new ConcurrentHashMap<>();

    SentenceDrafts(ReportScopes scopes, CollectionService collection, SentenceChoices choices, Wording texts, Clock clock) {
        this.scopes = scopes;
        this.collection = collection;
        this.choices = choices;
        this.texts = texts;
        this.clock = clock;
    }

    /** The block's sentence now, or empty when the report drafts none for it. */
    @Transactional(readOnly = true)
    public Optional<DraftedSentence> draft(ReportingPeriod period, String block) {
        ReportScope scope = scopes.of(period.getCommuneCode(), period.getReportCode()).orElseThrow();
        Optional<SentencePattern> pattern = scope.report().sentencePatterns().of(block);
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AnswerValue> answers = new HashMap<>();
        for (Map.Entry<String, Answer> entry : collection.periodAnswers(period.getId()).entrySet()) {
            answers.put(entry.getKey(), entry.getValue().value());
        }
        Ownership ownership = ownerships.computeIfAbsent(scope.report().code(), code -> new Ownership(scope.report()));
        ReportData data = new ReportData(texts, scope.commune(), ownership, period.key(), answers, Set.of(), null,
                LocalDate.now(clock), choices.ofPeriod(period.getId()));
        return Optional.of(DraftedSentences.write(data, pattern.get()));
    }

    /** The numbers of a member's own version that the drafted sentence does not quote ("2.600"), in order. */
    public List<String> quotedDifferently(String own, DraftedSentence drafted) {
        return drafted.complete() ? QuotedNumbers.unmatched(own, drafted.text()) : List.of();
    }
}
