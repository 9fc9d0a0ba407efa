package vn.communereport.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.answering.SentenceDrafting;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.report.DraftedSentence;

/**
 * Under a narrative question whose block has a drafted first sentence: the sentence written from the figures stored
 * now, what the member chose for it, and the buttons to use it, write their own or drop it. While a figure it quotes is
 * not in, it says which, and offers nothing.
 */
@Component
class SentenceOffer {

    private final SentenceDrafting drafting;
    private final Texts texts;
    private final ActionCodec actions;

    SentenceOffer(SentenceDrafting drafting, Texts texts, ActionCodec actions) {
        this.drafting = drafting;
        this.texts = texts;
        this.actions = actions;
    }

    /** Appends the offer to the question's {@code text}; returns its buttons (none when nothing is offered). */
    List<List<Button>> addTo(ReportDefinition report, ReportingPeriod period, Question question, StringBuilder text) {
        Optional<DraftedSentence> offered = drafting.offer(period, question);
        if (offered.isEmpty()) {
            return List.of();
        }
        DraftedSentence drafted = offered.get();
        if (!drafted.complete()) {
            text.append("\n\n").append(texts.get("drafting.offer.missing", String.join("; ", drafted.missing())));
            return List.of();
        }
        Optional<SentenceChoice> choice = drafting.choice(period, question);
        text.append("\n\n");
        if (choice.isEmpty()) {
            text.append(texts.get("drafting.offer.new", drafted.text()));
        } else if (choice.get().kind() == SentenceChoice.Kind.ACCEPTED) {
            text.append(texts.get("drafting.offer.accepted", drafted.text()));
        } else if (choice.get().kind() == SentenceChoice.Kind.EDITED) {
            text.append(texts.get("drafting.offer.edited", choice.get().ownText(), drafted.text()));
        } else {
            text.append(texts.get("drafting.offer.dropped", drafted.text()));
        }
        if (hasLead(report, question.fills().ref())) {
            text.append('\n').append(texts.get("drafting.offer.replaces-lead"));
        }
        String id = question.id();
        return List.of(List.of(
                actions.button(texts.get("drafting.button.accept"), Action.of(Act.DRAFT_ACCEPT, id + ":" + drafted.fingerprint())),
                actions.button(texts.get("drafting.button.edit"), Action.of(Act.DRAFT_EDIT, id)),
                actions.button(texts.get("drafting.button.drop"), Action.of(Act.DRAFT_DROP, id))));
    }

    private static boolean hasLead(ReportDefinition report, String block) {
        return report.blocks().stream().anyMatch(node -> block.equals(node.block()) && node.lead() != null);
    }
}
