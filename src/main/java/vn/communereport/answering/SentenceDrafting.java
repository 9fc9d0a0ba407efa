package vn.communereport.answering;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.Member;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.collection.SentenceChoices;
import vn.communereport.definition.Question;
import vn.communereport.definition.Slot;
import vn.communereport.report.DraftedSentence;
import vn.communereport.report.SentenceDrafts;

/**
 * A member's choice for the drafted first sentence of a block they write, whatever the channel: use it (kept as a
 * reference to the definition's pattern, so it follows the figures until the part is handed in), use their own version
 * (kept as typed; numbers that differ from the table are reported) or none. Nothing is stored unless the outcome is
 * {@link Outcome.Stored}.
 */
@Service
public class SentenceDrafting {

    /** The longest own version of a sentence, in characters. */
    public static final int MAX_LENGTH = 1000;

    public sealed interface Outcome {
    }

    /** Stored; {@code quotedDifferently} are the numbers of an own version the figures do not give. */
    public record Stored(SentenceChoice.Kind kind, DraftedSentence drafted, List<String> quotedDifferently) implements Outcome {
    }

    /** The sentence shown is not the one the figures give now (they changed): nothing stored, here is the new one. */
    public record FiguresChanged(DraftedSentence now) implements Outcome {
    }

    /** A figure the sentence quotes is not in yet: no sentence with holes is offered or stored. */
    public record FiguresMissing(DraftedSentence now) implements Outcome {
    }

    /** An own version that is empty or too long. */
    public record Refused(String reasonKey, Object... args) implements Outcome {
    }

    /** The part is handed in or the period closed. */
    public record Locked(boolean periodOpen) implements Outcome {
    }

    /** Not the member's block, or a block without a drafted sentence. */
    public record NotAllowed() implements Outcome {
    }

    private final SentenceDrafts drafts;
    private final SentenceChoices choices;

    SentenceDrafting(SentenceDrafts drafts, SentenceChoices choices) {
        this.drafts = drafts;
        this.choices = choices;
    }

    /** The sentence to offer with the question, or empty when its block has none. */
    public Optional<DraftedSentence> offer(ReportingPeriod period, Question question) {
        if (question.fills().kind() != Slot.Kind.BLOCK) {
            return Optional.empty();
        }
        return drafts.draft(period, question.fills().ref());
    }

    /** What the member chose so far for the question's block. */
    public Optional<SentenceChoice> choice(ReportingPeriod period, Question question) {
        return choices.of(period.getId(), question.fills().ref());
    }

    /** Uses the drafted sentence the member was shown ({@code fingerprint}); refused if the figures changed since. */
    @Transactional
    public Outcome accept(Member member, ReportingPeriod period, Question question, String fingerprint) {
        Optional<DraftedSentence> drafted = allowed(member, period, question);
        if (drafted.isEmpty()) {
            return new NotAllowed();
        }
        if (!drafted.get().complete()) {
            return new FiguresMissing(drafted.get());
        }
        if (!drafted.get().fingerprint().equals(fingerprint)) {
            return new FiguresChanged(drafted.get());
        }
        return store(member, period, question, SentenceChoice.Kind.ACCEPTED, null, drafted.get());
    }

    /** Uses the member's own version of the sentence. */
    @Transactional
    public Outcome edit(Member member, ReportingPeriod period, Question question, String text) {
        Optional<DraftedSentence> drafted = allowed(member, period, question);
        if (drafted.isEmpty()) {
            return new NotAllowed();
        }
        if (!drafted.get().complete()) {
            return new FiguresMissing(drafted.get());
        }
        String own = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (own.isEmpty()) {
            return new Refused("drafting.edit.empty");
        }
        if (own.length() > MAX_LENGTH) {
            return new Refused("drafting.edit.too-long", MAX_LENGTH);
        }
        return store(member, period, question, SentenceChoice.Kind.EDITED, own, drafted.get());
    }

    /** No drafted sentence for the block. */
    @Transactional
    public Outcome drop(Member member, ReportingPeriod period, Question question) {
        Optional<DraftedSentence> drafted = allowed(member, period, question);
        if (drafted.isEmpty()) {
            return new NotAllowed();
        }
        return store(member, period, question, SentenceChoice.Kind.DROPPED, null, drafted.get());
    }

    private Optional<DraftedSentence> allowed(Member member, ReportingPeriod period, Question question) {
        if (!member.answersFor(question.departmentCode()) || !member.getCommuneCode().equals(period.getCommuneCode())) {
            return Optional.empty();
        }
        return offer(period, question);
    }

    private Outcome store(Member member, ReportingPeriod period, Question question, SentenceChoice.Kind kind, String own,
                          DraftedSentence drafted) {
        if (!choices.choose(period, question, kind, own, member.getId())) {
            return new Locked(period.isOpen());
        }
        List<String> differently = own == null ? List.of() : drafts.quotedDifferently(own, drafted);
        return new Stored(kind, drafted, differently);
    }
}
