package vn.communereport.web.form;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.communereport.answering.SentenceDrafting;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SentenceChoice;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Texts;
import vn.communereport.report.DraftedSentence;

/**
 * The drafted first sentences of the part's narrative blocks as the form shows them (above the block's field), and
 * the member's choice for one: the chat's use case ({@link SentenceDrafting}), so the form and the chat see each
 * other's choice and the same lock.
 */
@Component
class FormDrafts {

    /**
     * One block's offer: {@code state} is missing (figures not all in: {@code note} names them), new (not chosen yet),
     * accepted, edited ({@code own} is the member's version) or dropped; {@code fingerprint} identifies {@code text}.
     */
    record View(String q, String state, String text, String own, String fingerprint, String note, String lead) {
    }

    /** «Dùng câu này» (with the sentence's fingerprint), «Sửa câu» (with the member's text) or «Bỏ câu». */
    record Choose(Long period, String q, String choice, String fingerprint, String text) {
    }

    /** What came of a choice ({@code state}: stored, changed, missing, refused, locked), and the offers as they are now. */
    record Chosen(String state, String message, Map<String, View> drafts) {
    }

    private final SentenceDrafting drafting;
    private final FormPage page;
    private final Texts texts;

    FormDrafts(SentenceDrafting drafting, FormPage page, Texts texts) {
        this.drafting = drafting;
        this.page = page;
        this.texts = texts;
    }

    /** Every narrative question of the part whose block has a drafted sentence, by question id, in the flow's order. */
    Map<String, View> of(FormPart part) {
        Map<String, View> views = new LinkedHashMap<>();
        for (Question question : part.flow().questions()) {
            drafting.offer(part.period(), question).ifPresent(d -> views.put(question.id(), view(part, question, d)));
        }
        return views;
    }

    private View view(FormPart part, Question question, DraftedSentence drafted) {
        if (!drafted.complete()) {
            return new View(question.id(), "missing", null, null, null,
                    texts.get("form-controls.draft.missing", String.join("; ", drafted.missing())), null);
        }
        Optional<SentenceChoice> choice = drafting.choice(part.period(), question);
        String state = choice.map(c -> c.kind().name().toLowerCase(java.util.Locale.ROOT)).orElse("new");
        String own = choice.filter(c -> c.kind() == SentenceChoice.Kind.EDITED).map(SentenceChoice::ownText).orElse(null);
        String note = own == null ? texts.get("form-controls.draft." + state) : texts.get("form-controls.draft.edited", own);
        String lead = hasLead(part.scope().report(), question.fills().ref()) ? texts.get("drafting.offer.replaces-lead") : null;
        return new View(question.id(), state, drafted.text(), own, drafted.fingerprint(), note, lead);
    }

    /** Stores the member's choice for the question's block; nothing is stored unless the state is stored. */
    Chosen choose(FormPart part, Choose choose) {
        if (choose == null || choose.q() == null || choose.period() == null || choose.choice() == null) {
            throw new FormRefusal(HttpStatus.BAD_REQUEST, "form.error.malformed");
        }
        if (!choose.period().equals(part.period().getId())) {
            throw new FormRefusal(HttpStatus.CONFLICT, "form.error.other-period", part.period().key().label());
        }
        Question question = part.flow().question(choose.q())
                .orElseThrow(() -> new FormRefusal(HttpStatus.FORBIDDEN, "form.error.not-yours"));
        ReportingPeriod period = part.period();
        SentenceDrafting.Outcome outcome = switch (choose.choice()) {
            case "accept" -> drafting.accept(part.member(), period, question, choose.fingerprint() == null ? "" : choose.fingerprint());
            case "edit" -> drafting.edit(part.member(), period, question, choose.text());
            case "drop" -> drafting.drop(part.member(), period, question);
            default -> throw new FormRefusal(HttpStatus.BAD_REQUEST, "form.error.malformed");
        };
        return new Chosen(state(outcome), message(part, outcome), of(part));
    }

    HttpStatus status(Chosen chosen) {
        return switch (chosen.state()) {
            case "stored" -> HttpStatus.OK;
            case "refused" -> HttpStatus.UNPROCESSABLE_CONTENT;
            case "forbidden" -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.CONFLICT;
        };
    }

    private static String state(SentenceDrafting.Outcome outcome) {
        if (outcome instanceof SentenceDrafting.Stored) {
            return "stored";
        } else if (outcome instanceof SentenceDrafting.FiguresChanged) {
            return "changed";
        } else if (outcome instanceof SentenceDrafting.FiguresMissing) {
            return "missing";
        } else if (outcome instanceof SentenceDrafting.Refused) {
            return "refused";
        } else if (outcome instanceof SentenceDrafting.Locked) {
            return "locked";
        }
        return "forbidden";
    }

    private String message(FormPart part, SentenceDrafting.Outcome outcome) {
        if (outcome instanceof SentenceDrafting.Stored stored) {
            String said = texts.get("drafting.stored." + stored.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (!stored.quotedDifferently().isEmpty()) {
                said += " " + texts.get("drafting.stored.quoted-differently", String.join(", ", stored.quotedDifferently()),
                        stored.drafted().text());
            }
            return said;
        } else if (outcome instanceof SentenceDrafting.FiguresChanged) {
            return texts.get("drafting.figures-changed");
        } else if (outcome instanceof SentenceDrafting.FiguresMissing) {
            return texts.get("drafting.missing-now");
        } else if (outcome instanceof SentenceDrafting.Refused refused) {
            // The chat's wording tells how to stop typing there; the form says it its own way.
            return texts.get(refused.reasonKey().replace("drafting.edit.", "form-controls.draft."), refused.args());
        } else if (outcome instanceof SentenceDrafting.Locked) {
            return page.locked(part).orElse(texts.get("flow.locked", part.scope().office()));
        }
        return texts.get("form.error.not-yours");
    }

    private static boolean hasLead(ReportDefinition report, String block) {
        return report.blocks().stream().anyMatch(node -> block.equals(node.block()) && node.lead() != null);
    }
}
