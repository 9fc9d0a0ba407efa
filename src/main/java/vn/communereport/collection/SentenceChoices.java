package vn.communereport.collection;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.definition.Question;

/**
 * Keeps what members chose for the drafted sentences of their blocks, under the same lock as the block's answer: only
 * while the period is open and the department's part is not handed in.
 */
@Service
public class SentenceChoices {

    private final SentenceChoiceRepository choices;
    private final CollectionService collection;
    private final Clock clock;
    private final EntryLock entryLock;

    SentenceChoices(SentenceChoiceRepository choices, CollectionService collection, Clock clock, EntryLock entryLock) {
        this.entryLock = entryLock;
        this.choices = choices;
        this.collection = collection;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<SentenceChoice> of(long periodId, String block) {
        return choices.findByPeriodIdAndBlockRef(periodId, block).map(SentenceChoiceRow::view);
    }

    /** Every choice of the period, by block. */
    @Transactional(readOnly = true)
    public Map<String, SentenceChoice> ofPeriod(long periodId) {
        return choices.findByPeriodId(periodId).stream().map(SentenceChoiceRow::view)
                .collect(Collectors.toMap(SentenceChoice::block, c -> c));
    }

    /**
     * Stores the choice for the block the narrative {@code question} fills; false (nothing stored) when the part is
     * locked (handed in, the period closed, or entry locked at the deadline plus grace, as for answers). {@code ownText} only for {@link SentenceChoice.Kind#EDITED}.
     */
    @Transactional
    public boolean choose(ReportingPeriod period, Question question, SentenceChoice.Kind kind, String ownText, long memberId) {
        if (!period.isOpen() || collection.isSubmitted(period.getId(), question.departmentCode())
                || entryLock.lockedNow(period, question.departmentCode())) {
            return false;
        }
        String block = question.fills().ref();
        SentenceChoiceRow row = choices.findByPeriodIdAndBlockRef(period.getId(), block)
                .orElseGet(() -> new SentenceChoiceRow(period.getId(), block));
        row.set(kind, kind == SentenceChoice.Kind.EDITED ? ownText : null, memberId, clock.instant());
        choices.saveAndFlush(row);
        return true;
    }
}
