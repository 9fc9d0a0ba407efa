package vn.communereport.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.acting.ActingScopes;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Texts;
import vn.communereport.province.ProvinceDesk;
import vn.communereport.province.ProvinceReply;
import vn.communereport.province.ProvinceRequest;

/**
 * The conversation's front door: takes what a person did and returns what to say, to them and to others. It
 * finds who they are, which commune and report they work on and where they are, then hands the step to the
 * use case it belongs to (a command, a button, or the text their current question or dialog waits for). It
 * knows nothing of Telegram; every step is stored before it returns, in one transaction.
 */
@Service
public class ConversationEngine {

    private final ProcessedDeliveryRepository deliveries;
    private final ConversationStateRepository states;
    private final AccessService access;
    private final ActingScopes scopes;
    private final ScopeChoice choice;
    private final Clock clock;
    private final Texts texts;
    private final Onboarding onboarding;
    private final CommandRegistry commands;
    private final ButtonRoutes buttons;
    private final FlowStart start;
    private final Answering answering;
    private final OfficeReopening reopening;
    private final OfficePeriods periods;
    private final SheetExchange sheets;
    /** Where {@link #handle} writes what a turn says, in the turn's transaction. */
    private final Outbox outbox;
    private final ProvinceDesk province;
    private final SentenceChoosing sentences;
    private final OfficeLateEntry lateEntry;
    private final HeadApproval approval;
    private final ReasonReply reasons;

    ConversationEngine(ProcessedDeliveryRepository deliveries, ConversationStateRepository states, AccessService access,
                       ActingScopes scopes, ScopeChoice choice, Clock clock, Texts texts, Onboarding onboarding, CommandRegistry commands,
                       ButtonRoutes buttons, FlowStart start, Answering answering, OfficeReopening reopening,
                       OfficePeriods periods, SheetExchange sheets, Outbox outbox, ProvinceDesk province,
                       SentenceChoosing sentences, OfficeLateEntry lateEntry,
                       HeadApproval approval, ReasonReply reasons) {
        this.sentences = sentences;
        this.lateEntry = lateEntry;
        this.approval = approval;
        this.reasons = reasons;
        this.outbox = outbox;
        this.province = province;
        this.deliveries = deliveries;
        this.states = states;
        this.access = access;
        this.scopes = scopes;
        this.choice = choice;
        this.clock = clock;
        this.texts = texts;
        this.onboarding = onboarding;
        this.commands = commands;
        this.buttons = buttons;
        this.start = start;
        this.answering = answering;
        this.reopening = reopening;
        this.periods = periods;
        this.sheets = sheets;
    }

    /** One person's step: stored whole or not at all, applied at most once per delivery. */
    @Transactional
    public Reply handle(Inbound in) {
        // Claimed before anything else, with one INSERT that skips a delivery handled before: a concurrent delivery of
        // the same update waits here and then fails on the primary key (the consumer retries it and finds it done).
        if (deliveries.claim(in.channel(), in.deliveryId(), clock.instant()) == 0) {
            return Reply.duplicateDelivery();
        }
        Turn turn = new Turn(in);
        route(turn);
        // Into the outbox in this transaction: what the turn says stands or falls with what it changed, and goes out
        // even if the process dies right after the commit. The channel edge sends it at once and marks it sent.
        List<Outbox.Queued> queued = outbox.record(turn.out);
        return Reply.recorded(queued, turn.notice, turn.member == null ? null : turn.member.getId());
    }

    /**
     * Several people's steps in one transaction, each as {@link #handle} takes it, with one commit for all (group
     * commit: the commit's disk write is most of a turn's cost). All are stored or none: when this throws, nothing
     * of any of them stands, and the caller handles them again one by one, so that one person's failure does not
     * undo another's answer.
     */
    @Transactional
    public List<Reply> handleTogether(List<Inbound> steps) {
        List<Reply> replies = new ArrayList<>(steps.size());
        for (Inbound in : steps) {
            replies.add(handle(in));
        }
        return replies;
    }

    private void route(Turn turn) {
        Inbound in = turn.in;
        if (!in.privateChat()) {
            if (in.kind() == Inbound.Kind.TEXT && in.text() != null && in.text().startsWith("/")) {
                turn.say(texts.get("group.private-only"));
            }
            return;
        }
        if (province.administers(in.from())) {
            // A province administrator (named in conversations/provinces/) acts for the province, not a commune.
            ProvinceReply said = province.handle(new ProvinceRequest(in.from(), in.kind() == Inbound.Kind.TEXT ? in.text() : null,
                    in.kind() == Inbound.Kind.BUTTON ? in.buttonData() : null));
            turn.out.addAll(said.messages());
            turn.notice = said.notice();
            return;
        }
        Optional<Member> known = access.recognise(in.from(), in.displayName());
        if (known.isEmpty()) {
            List<Member> memberships = access.memberships(in.from());
            if (memberships.size() > 1) {
                // Two communes or departments and none chosen: nothing reaches either before the person chooses.
                choice.membershipUnchosen(turn, memberships);
                return;
            }
        }
        ActingScopes.Resolution resolution = known.filter(Member::isActive).map(scopes::resolve).orElse(null);
        if (resolution == null || resolution.scope().isEmpty() && !resolution.mustChoose()) {
            if (onboarding.stranger(turn)) {
                turn.state = stateOf(turn.member);
                if (inScope(turn)) {
                    start.start(turn);
                }
            }
            return;
        }
        turn.member = known.get();
        turn.state = stateOf(turn.member);
        if (resolution.mustChoose()) {
            choice.reportUnchosen(turn, resolution.choices());
            turn.state.touched(clock.instant());
            return;
        }
        turn.scope = resolution.scope().get();
        switch (in.kind()) {
            case TEXT -> text(turn, in.text() == null ? "" : in.text().strip());
            case BUTTON -> buttons.press(turn, in.buttonData());
            case EDITED -> turn.say(texts.get("input.edited"));
            case UNSUPPORTED -> turn.say(texts.get("input.unsupported"));
            case FILE -> sheets.received(turn, in.file());
        }
        turn.state.touched(clock.instant());
    }

    /** The report a person who just joined acts in; asked when several are open. */
    private boolean inScope(Turn turn) {
        ActingScopes.Resolution resolution = scopes.resolve(turn.member);
        if (resolution.mustChoose()) {
            choice.reportUnchosen(turn, resolution.choices());
            return false;
        }
        turn.scope = resolution.scope().orElseThrow();
        return true;
    }

    private ConversationState stateOf(Member member) {
        return states.findById(member.getId()).orElseGet(() -> states.save(new ConversationState(member.getId(), clock.instant())));
    }

    /** A command, or the text the person's current question or dialog is waiting for. */
    private void text(Turn turn, String text) {
        if (text.startsWith("/")) {
            commands.run(turn, text);
            return;
        }
        switch (turn.state.mode()) {
            case ANSWERING -> answering.text(turn, text);
            case AWAIT_REOPEN_COMMENT -> reopening.withComment(turn, text);
            case AWAIT_DEADLINE -> periods.openWithDeadline(turn, text);
            case AWAIT_OWN_SENTENCE -> sentences.ownVersion(turn, text);
            case AWAIT_LATE_END -> lateEntry.withEndDay(turn, text);
            case AWAIT_RETURN_COMMENT -> approval.withComment(turn, text);
            case CONFIRM_OVERWRITE -> turn.say(texts.get("overwrite.press-button"));
            case CONFIRM_WARNING -> {
                // Typing a new value is the natural way to correct it.
                turn.state.to(ConversationState.Mode.ANSWERING);
                answering.text(turn, text);
            }
            case REVIEW, CONFIRM_SUBMIT -> turn.say(texts.get("review.press-button"));
            case AWAIT_REASON -> reasons.text(turn, text);
            case AWAIT_SHEET_REASON -> sheets.reason(turn, text);
            case IDLE -> {
                if (AccessService.looksLikeInviteCode(text)) {
                    if (!choice.joinAnother(turn, text)) {
                        turn.say(texts.get("invite.already-member"));
                    }
                    return;
                }
                start.start(turn);
            }
        }
    }
}
