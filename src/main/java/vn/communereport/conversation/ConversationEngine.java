package vn.communereport.conversation;

import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Texts;
import vn.communereport.definition.ReportContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.Answer;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.SaveOutcome;
import vn.communereport.collection.Submission;
import vn.communereport.conversation.ConversationState.Mode;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.collection.PeriodKey;
import vn.communereport.reminder.ReminderService;
import vn.communereport.report.CompiledReport;
import vn.communereport.report.GeneratedFile;
import vn.communereport.report.MissingPart;
import vn.communereport.report.ReportCompiler;
import vn.communereport.report.RuleFinding;

/**
 * The conversation: takes what a person did and returns what to say, to them and to others. It knows
 * nothing of Telegram; every step is stored before it returns, in one transaction.
 */
@Service
public class ConversationEngine {

    static final int MAX_MESSAGE = 3800;
    static final int MAX_TEXT_ANSWER = 500;
    static final int MAX_NARRATIVE = 60_000;
    private static final int EDIT_PAGE = 40;

    private final ProcessedDeliveryRepository deliveries;
    private final ConversationStateRepository states;
    private final AccessService access;
    private final PeriodService periods;
    private final CollectionService collection;
    private final ReportContext context;
    private final Texts texts;
    private final Screens screens;
    private final Clock clock;
    private final Optional<InviteLinks> inviteLinks;
    private final ReminderService reminders;
    private final ReportCompiler reports;

    ConversationEngine(ProcessedDeliveryRepository deliveries, ConversationStateRepository states, AccessService access,
                       PeriodService periods, CollectionService collection, ReportContext context, Texts texts,
                       Screens screens, Clock clock, Optional<InviteLinks> inviteLinks, ReminderService reminders,
                       ReportCompiler reports) {
        this.reports = reports;
        this.reminders = reminders;
        this.deliveries = deliveries;
        this.states = states;
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.context = context;
        this.texts = texts;
        this.screens = screens;
        this.clock = clock;
        this.inviteLinks = inviteLinks;
    }

    /** One person's step: stored whole or not at all, applied at most once per delivery. */
    @Transactional
    public Reply handle(Inbound in) {
        ProcessedDelivery.Key key = new ProcessedDelivery.Key(in.channel(), in.deliveryId());
        if (deliveries.existsById(key)) {
            return Reply.duplicateDelivery();
        }
        deliveries.save(new ProcessedDelivery(in.channel(), in.deliveryId(), clock.instant()));
        Turn turn = new Turn(in);
        route(turn);
        return new Reply(List.copyOf(turn.out), turn.notice, false);
    }

    /** What a turn collects: the messages to send and the notice on the pressed button. */
    private static final class Turn {
        final Inbound in;
        final List<Outbound> out = new ArrayList<>();
        String notice;
        Member member;
        ConversationState state;

        Turn(Inbound in) {
            this.in = in;
        }

        void say(String text, List<List<Button>> buttons) {
            out.add(new Outbound(in.chatId(), text, buttons));
        }

        void say(String text) {
            say(text, List.of());
        }

        void tell(long chatId, String text, List<List<Button>> buttons) {
            out.add(new Outbound(chatId, text, buttons));
        }
    }

    // ------------------------------------------------------------------ routing

    private void route(Turn turn) {
        Inbound in = turn.in;
        String commune = context.commune().code();
        if (!in.privateChat()) {
            if (in.kind() == Inbound.Kind.TEXT && in.text() != null && in.text().startsWith("/")) {
                turn.say(texts.get("group.private-only"));
            }
            return;
        }
        Optional<Member> known = access.recognise(commune, in.userId(), in.chatId(), in.displayName());
        if (known.isEmpty() || !known.get().isActive()) {
            stranger(turn);
            return;
        }
        turn.member = known.get();
        turn.state = states.findById(turn.member.getId()).orElseGet(() -> states.save(new ConversationState(turn.member.getId(), clock.instant())));
        switch (in.kind()) {
            case TEXT -> text(turn, in.text() == null ? "" : in.text());
            case BUTTON -> button(turn, in.buttonData() == null ? "" : in.buttonData());
            case EDITED -> turn.say(texts.get("input.edited"));
            case UNSUPPORTED -> turn.say(texts.get("input.unsupported"));
        }
        turn.state.touched(clock.instant());
    }

    private void stranger(Turn turn) {
        Inbound in = turn.in;
        String text = in.kind() == Inbound.Kind.TEXT && in.text() != null ? in.text().trim() : "";
        String candidate = null;
        if (text.startsWith("/start")) {
            candidate = text.substring("/start".length()).trim();
        } else if (AccessService.looksLikeInviteCode(text)) {
            candidate = text;
        }
        if (candidate == null || candidate.isEmpty()) {
            if (in.kind() == Inbound.Kind.BUTTON) {
                turn.notice = texts.get("stranger.notice");
            }
            turn.say(texts.get("stranger.welcome", context.commune().officeDepartment().name()));
            return;
        }
        AccessService.Redemption redemption = access.redeem(context.commune().code(), candidate, in.userId(), in.chatId(), in.displayName());
        switch (redemption.outcome()) {
            case UNKNOWN -> turn.say(texts.get("invite.unknown", context.commune().officeDepartment().name()));
            case USED -> turn.say(texts.get("invite.used", context.commune().officeDepartment().name()));
            case EXPIRED -> turn.say(texts.get("invite.expired", context.commune().officeDepartment().name()));
            case JOINED -> {
                turn.member = redemption.member();
                turn.state = states.findById(turn.member.getId()).orElseGet(() -> states.save(new ConversationState(turn.member.getId(), clock.instant())));
                Department department = department(turn.member.getDepartmentCode());
                turn.say(texts.get("invite.joined", department.name(), context.commune().name()));
                start(turn);
            }
        }
    }

    private void text(Turn turn, String raw) {
        String text = raw.strip();
        if (text.startsWith("/")) {
            command(turn, text);
            return;
        }
        ConversationState state = turn.state;
        switch (state.mode()) {
            case ANSWERING -> answerText(turn, text);
            case AWAIT_REOPEN_COMMENT -> reopenWithComment(turn, text);
            case AWAIT_DEADLINE -> openWithDeadline(turn, text);
            case CONFIRM_OVERWRITE -> turn.say(texts.get("overwrite.press-button"));
            case CONFIRM_WARNING -> {
                // Typing a new value is the natural way to correct it.
                turn.state.to(Mode.ANSWERING);
                answerText(turn, text);
            }
            case REVIEW, CONFIRM_SUBMIT -> turn.say(texts.get("review.press-button"));
            case IDLE -> {
                if (AccessService.looksLikeInviteCode(text)) {
                    turn.say(texts.get("invite.already-member"));
                    return;
                }
                start(turn);
            }
        }
    }

    private void command(Turn turn, String text) {
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].toLowerCase(Texts.VIETNAMESE);
        int at = name.indexOf('@');
        if (at > 0) {
            name = name.substring(0, at);
        }
        String argument = parts.length > 1 ? parts[1].trim() : "";
        switch (name) {
            case "/start", "/tieptuc" -> {
                if (!argument.isEmpty() && AccessService.looksLikeInviteCode(argument)) {
                    turn.say(texts.get("invite.already-member"));
                }
                start(turn);
            }
            case "/xem" -> review(turn);
            case "/nop" -> askSubmit(turn);
            case "/tamdung", "/huy" -> pause(turn);
            case "/trogiup", "/help" -> help(turn);
            case "/tiendo" -> office(turn, () -> progress(turn));
            case "/moi" -> office(turn, () -> invite(turn, argument));
            case "/molai" -> office(turn, () -> chooseReopen(turn, argument));
            case "/moky" -> office(turn, () -> choosePeriod(turn));
            case "/duthao" -> office(turn, () -> compile(turn));
            case "/phanbaocao" -> departmentPart(turn);
            case "/dongky" -> office(turn, () -> askClose(turn));
            case "/nhacnho" -> office(turn, () -> chooseRemind(turn));
            default -> turn.say(texts.get("command.unknown"));
        }
    }

    private void button(Turn turn, String data) {
        String[] parts = data.split("\\|", 2);
        String action = parts[0];
        String argument = parts.length > 1 ? parts[1] : "";
        switch (action) {
            case "y", "n", "k", "s", "b", "p", "d", "c", "ow", "kw", "wy", "wn" -> questionButton(turn, action, argument);
            case "go" -> start(turn);
            case "rv" -> review(turn);
            case "ed" -> editFromReview(turn, argument);
            case "edl" -> editList(turn, parsePage(argument));
            case "sub" -> askSubmit(turn);
            case "subok" -> submit(turn, argument);
            case "prog" -> office(turn, () -> progress(turn));
            case "inv" -> office(turn, () -> invite(turn, argument));
            case "rop" -> office(turn, () -> askReopenComment(turn, argument));
            case "okp" -> office(turn, () -> askDeadline(turn, argument));
            case "close" -> office(turn, () -> close(turn, argument));
            case "rem" -> office(turn, () -> remind(turn, argument));
            case "prev" -> keepPrevious(turn, argument);
            case "draft" -> office(turn, () -> compile(turn));
            default -> {
                turn.notice = texts.get("button.unknown");
                start(turn);
            }
        }
    }

    private static int parsePage(String argument) {
        try {
            return Math.max(0, Integer.parseInt(argument));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ department flow

    private Optional<Flow> flowOf(Member member) {
        return member.getDepartmentCode() == null ? Optional.empty() : context.report().flow(member.getDepartmentCode());
    }

    private Department department(String code) {
        return context.commune().department(code).orElseThrow();
    }

    private ReportingPeriod period() {
        return periods.currentPeriod(context.commune().code(), context.report());
    }

    /** Starts or resumes the person's flow where it was. */
    private void start(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            if (turn.member.isOfficeAdmin()) {
                turn.state.idle();
                turn.say(texts.get("office.welcome", context.commune().name()), officeMenu());
            } else {
                turn.say(texts.get("member.no-flow", context.commune().officeDepartment().name()));
            }
            return;
        }
        ReportingPeriod period = period();
        if (!period.isOpen()) {
            turn.state.idle();
            turn.say(texts.get("period.closed-member", period.key().label(), context.commune().officeDepartment().name()));
            return;
        }
        Optional<Submission> submission = collection.submission(period.getId(), flow.get().departmentCode());
        if (submission.isPresent() && submission.get().isSubmitted()) {
            turn.state.reviewing(period.getId());
            turn.say(texts.get("flow.submitted", department(flow.get().departmentCode()).name(), period.key().label(),
                            screens.when(submission.get().getSubmittedAt()), screens.who(submission.get().getSubmittedBy()),
                            context.commune().officeDepartment().name()),
                    List.of(List.of(new Button(texts.get("button.review"), "rv"))));
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
        ConversationState state = turn.state;
        if (state.mode() == Mode.ANSWERING && state.questionId() != null && Long.valueOf(period.getId()).equals(state.periodId())
                && flow.get().indexOf(state.questionId()) >= 0) {
            ask(turn, period, flow.get(), flow.get().question(state.questionId()).orElseThrow(), texts.get("flow.resume"));
            return;
        }
        List<Question> missing = collection.missingRequired(flow.get(), stored);
        if (missing.isEmpty()) {
            showReview(turn, period, flow.get(), stored, null);
            return;
        }
        String greeting = stored.isEmpty()
                ? texts.get("flow.intro", department(flow.get().departmentCode()).name(), context.report().name(),
                        period.key().label(), flow.get().size(), flow.get().intro() == null ? "" : flow.get().intro())
                : texts.get("flow.continue", flow.get().size() - missing.size(), flow.get().size());
        ask(turn, period, flow.get(), missing.get(0), greeting);
    }

    /** Puts one question, with its progress, unit, stored value and buttons. */
    private void ask(Turn turn, ReportingPeriod period, Flow flow, Question question, String before) {
        Optional<Answer> current = collection.answer(period.getId(), question.id());
        turn.state.asking(period.getId(), question.id(), current.map(Answer::getVersion).orElse(null));
        int position = flow.indexOf(question.id()) + 1;
        StringBuilder text = new StringBuilder();
        if (before != null && !before.isBlank()) {
            text.append(before.strip()).append("\n\n");
        }
        text.append(texts.get("question.header", position, flow.size(), screens.place(question))).append('\n');
        text.append(question.prompt());
        if (question.unit() != null && question.type() != QuestionType.NARRATIVE && question.type() != QuestionType.YESNO) {
            text.append('\n').append(texts.get("question.unit", question.unit()));
        }
        if (question.help() != null) {
            text.append('\n').append(texts.get("question.help", question.help()));
        }
        current.ifPresent(answer -> text.append('\n').append(screens.stored(question, answer)));
        String draft = turn.state.narrativeDraft();
        if (question.type() == QuestionType.NARRATIVE && draft != null && !draft.isEmpty()) {
            text.append('\n').append(texts.get("narrative.draft-kept", draft.length()));
        }
        text.append("\n\n").append(texts.get("hint." + question.type().yamlName()));
        List<List<Button>> buttons = new ArrayList<>(questionButtons(question, current.isPresent(), draft != null && !draft.isEmpty()));
        if (question.keepPrevious() && current.isEmpty()) {
            previousAnswer(period, question).ifPresent(previous -> buttons.add(0, List.of(new Button(
                    texts.get("button.keep-previous", Screens.shorten(screens.value(question, previous.value()), 40)), "prev|" + question.id()))));
        }
        turn.say(text.toString(), buttons);
    }

    private Optional<Answer> previousAnswer(ReportingPeriod period, Question question) {
        return periods.previous(period).flatMap(previous -> collection.answer(previous.getId(), question.id()))
                .filter(a -> !a.value().skipped());
    }

    private void keepPrevious(Turn turn, String questionId) {
        Optional<Flow> flow = flowOf(turn.member);
        ReportingPeriod period = period();
        if (flow.isEmpty() || turn.state.mode() != Mode.ANSWERING || !questionId.equals(turn.state.questionId())) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        Question question = flow.get().question(questionId).orElseThrow();
        Optional<Answer> previous = previousAnswer(period, question);
        if (previous.isEmpty()) {
            ask(turn, period, flow.get(), question, null);
            return;
        }
        store(turn, period, flow.get(), question, previous.get().value(), false);
    }

    private List<List<Button>> questionButtons(Question question, boolean hasAnswer, boolean hasDraft) {
        String id = question.id();
        List<List<Button>> rows = new ArrayList<>();
        if (question.type() == QuestionType.YESNO) {
            rows.add(List.of(new Button(texts.get("button.yes"), "y|" + id), new Button(texts.get("button.no"), "n|" + id)));
        }
        if (question.type() == QuestionType.NARRATIVE && hasDraft) {
            rows.add(List.of(new Button(texts.get("button.done"), "d|" + id), new Button(texts.get("button.clear"), "c|" + id)));
        }
        if (hasAnswer) {
            rows.add(List.of(new Button(texts.get("button.keep"), "k|" + id)));
        }
        List<Button> navigation = new ArrayList<>();
        navigation.add(new Button(texts.get("button.back"), "b|" + id));
        if (question.optional()) {
            navigation.add(new Button(texts.get("button.skip"), "s|" + id));
        }
        navigation.add(new Button(texts.get("button.pause"), "p|" + id));
        rows.add(navigation);
        return rows;
    }

    private void answerText(Turn turn, String text) {
        Optional<Flow> flow = flowOf(turn.member);
        ReportingPeriod period = period();
        if (flow.isEmpty() || !Long.valueOf(period.getId()).equals(turn.state.periodId())) {
            start(turn);
            return;
        }
        Optional<Question> found = flow.get().question(turn.state.questionId());
        if (found.isEmpty()) {
            start(turn);
            return;
        }
        Question question = found.get();
        if (text.isEmpty()) {
            reask(turn, period, flow.get(), question, texts.get("input.empty"));
            return;
        }
        switch (question.type()) {
            case INTEGER, DECIMAL, PERCENT -> {
                NumberParser.Result parsed = NumberParser.parse(text, question.type(), question.unit());
                if (!parsed.ok()) {
                    reask(turn, period, flow.get(), question, texts.get("number." + parsed.problem().name().toLowerCase().replace('_', '-')));
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofNumber(parsed.value()), false);
            }
            case YESNO -> {
                Integer yes = NumberParser.parseYesNo(text);
                if (yes == null) {
                    reask(turn, period, flow.get(), question, texts.get("yesno.invalid"));
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofNumber(BigDecimal.valueOf(yes)), false);
            }
            case TEXT -> {
                if (text.length() > MAX_TEXT_ANSWER) {
                    reask(turn, period, flow.get(), question, texts.get("text.too-long", MAX_TEXT_ANSWER));
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofText(text), false);
            }
            case NARRATIVE -> appendNarrative(turn, question, text);
        }
    }

    /** Gathers a narrative from several messages; stored with the state as each one arrives. */
    private void appendNarrative(Turn turn, Question question, String text) {
        String draft = turn.state.narrativeDraft();
        String joined = draft == null || draft.isEmpty() ? text : join(draft, text);
        if (joined.length() > MAX_NARRATIVE) {
            turn.say(texts.get("narrative.too-long", MAX_NARRATIVE), List.of(List.of(
                    new Button(texts.get("button.done"), "d|" + question.id()),
                    new Button(texts.get("button.clear"), "c|" + question.id()))));
            return;
        }
        turn.state.draft(joined);
        turn.say(texts.get("narrative.received", joined.length()), List.of(List.of(
                new Button(texts.get("button.done"), "d|" + question.id()),
                new Button(texts.get("button.clear"), "c|" + question.id()))));
    }

    /**
     * Telegram cuts a long paste into several messages, sometimes mid-sentence: a part that does not end a
     * sentence continues on the same line, otherwise a new paragraph starts.
     */
    static String join(String draft, String next) {
        String end = draft.stripTrailing();
        char last = end.isEmpty() ? '.' : end.charAt(end.length() - 1);
        boolean sentenceEnded = ".!?:;…)\"”".indexOf(last) >= 0;
        boolean startsNewItem = next.startsWith("-") || next.startsWith("+") || next.startsWith("•");
        return end + (sentenceEnded || startsNewItem ? "\n" : " ") + next.strip();
    }

    private void reask(Turn turn, ReportingPeriod period, Flow flow, Question question, String problem) {
        ask(turn, period, flow, question, texts.get("input.problem", problem));
    }

    private void store(Turn turn, ReportingPeriod period, Flow flow, Question question, AnswerValue value, boolean overwrite) {
        store(turn, period, flow, question, value, overwrite, false);
    }

    /**
     * Rules within the department are checked as the answer arrives: an error is refused with its reason,
     * a warning is stored only once the person confirms it.
     */
    private void store(Turn turn, ReportingPeriod period, Flow flow, Question question, AnswerValue value, boolean overwrite,
                       boolean warningsAccepted) {
        if (question.type().numeric() && !value.skipped()) {
            List<RuleFinding> findings = reports.checkAnswer(period, question, value.number());
            Optional<RuleFinding> error = findings.stream().filter(RuleFinding::isError).findFirst();
            if (error.isPresent()) {
                turn.state.draft(null);
                reask(turn, period, flow, question, texts.get("rule.error", error.get().description()));
                return;
            }
            if (!findings.isEmpty() && !warningsAccepted) {
                String warnings = String.join("\n", findings.stream().map(RuleFinding::description).toList());
                turn.state.confirmWarning(value.text());
                turn.say(texts.get("rule.warning", screens.value(question, value), warnings),
                        List.of(List.of(new Button(texts.get("button.save-anyway"), "wy|" + question.id())),
                                List.of(new Button(texts.get("button.re-enter"), "wn|" + question.id()))));
                return;
            }
        }
        SaveOutcome outcome = collection.save(period, question, value, turn.member.getId(), turn.state.shownVersion(), overwrite);
        switch (outcome.kind()) {
            case LOCKED -> {
                turn.state.idle();
                turn.say(texts.get("flow.locked", context.commune().officeDepartment().name()));
            }
            case STALE -> {
                Answer current = outcome.current();
                turn.state.confirmOverwrite(value.skipped() ? null : value.text());
                String theirs = screens.value(question, current.value());
                String mine = screens.value(question, value);
                turn.say(texts.get("overwrite.ask", screens.who(current.getUpdatedBy()), screens.when(current.getUpdatedAt()), theirs, mine),
                        List.of(List.of(new Button(texts.get("button.overwrite"), "ow|" + question.id())),
                                List.of(new Button(texts.get("button.keep-theirs"), "kw|" + question.id()))));
            }
            case SAVED -> {
                turn.state.draft(null);
                String saved = texts.get("answer.saved", screens.value(question, value));
                next(turn, period, flow, question, saved);
            }
        }
    }

    private void next(Turn turn, ReportingPeriod period, Flow flow, Question after, String before) {
        if (turn.state.returnToReview()) {
            showReview(turn, period, flow, collection.departmentAnswers(period.getId(), flow.departmentCode()), before);
            return;
        }
        int index = flow.indexOf(after.id());
        if (index + 1 < flow.size()) {
            ask(turn, period, flow, flow.questions().get(index + 1), before);
        } else {
            showReview(turn, period, flow, collection.departmentAnswers(period.getId(), flow.departmentCode()), before);
        }
    }

    private void questionButton(Turn turn, String action, String questionId) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            start(turn);
            return;
        }
        ReportingPeriod period = period();
        boolean current = turn.state.mode() == Mode.ANSWERING || turn.state.mode() == Mode.CONFIRM_OVERWRITE
                || turn.state.mode() == Mode.CONFIRM_WARNING;
        if (!current || !questionId.equals(turn.state.questionId()) || !Long.valueOf(period.getId()).equals(turn.state.periodId())) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        Question question = flow.get().question(questionId).orElseThrow();
        boolean overwriting = turn.state.mode() == Mode.CONFIRM_OVERWRITE;
        boolean warning = turn.state.mode() == Mode.CONFIRM_WARNING;
        if (overwriting != (action.equals("ow") || action.equals("kw")) || warning != (action.equals("wy") || action.equals("wn"))) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        switch (action) {
            case "y", "n" -> {
                if (question.type() != QuestionType.YESNO) {
                    turn.notice = texts.get("button.stale");
                    ask(turn, period, flow.get(), question, null);
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofNumber(BigDecimal.valueOf(action.equals("y") ? 1 : 0)), false);
            }
            case "k" -> {
                Optional<Answer> answer = collection.answer(period.getId(), question.id());
                if (answer.isEmpty()) {
                    ask(turn, period, flow.get(), question, null);
                    return;
                }
                turn.state.draft(null);
                next(turn, period, flow.get(), question, texts.get("answer.kept"));
            }
            case "s" -> {
                if (!question.optional()) {
                    turn.notice = texts.get("skip.not-allowed");
                    ask(turn, period, flow.get(), question, texts.get("skip.not-allowed"));
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.SKIPPED, false);
            }
            case "b" -> {
                int index = flow.get().indexOf(question.id());
                if (index == 0) {
                    turn.notice = texts.get("back.first");
                    ask(turn, period, flow.get(), question, null);
                    return;
                }
                turn.state.returnToReview(false);
                ask(turn, period, flow.get(), flow.get().questions().get(index - 1), null);
            }
            case "p" -> pause(turn);
            case "d" -> {
                String draft = turn.state.narrativeDraft();
                if (draft == null || draft.isBlank()) {
                    turn.notice = texts.get("narrative.empty");
                    ask(turn, period, flow.get(), question, texts.get("narrative.empty"));
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofText(draft.strip()), false);
            }
            case "c" -> {
                turn.state.draft(null);
                turn.notice = texts.get("narrative.cleared");
                ask(turn, period, flow.get(), question, texts.get("narrative.cleared"));
            }
            case "ow" -> {
                String pending = turn.state.pendingValue();
                AnswerValue value = pending == null ? AnswerValue.SKIPPED
                        : question.type().numeric() ? AnswerValue.ofNumber(new BigDecimal(pending)) : AnswerValue.ofText(pending);
                turn.state.to(Mode.ANSWERING);
                store(turn, period, flow.get(), question, value, true);
            }
            case "wy" -> {
                String pending = turn.state.pendingValue();
                turn.state.to(Mode.ANSWERING);
                if (pending == null) {
                    ask(turn, period, flow.get(), question, null);
                    return;
                }
                store(turn, period, flow.get(), question, AnswerValue.ofNumber(new BigDecimal(pending)), false, true);
            }
            case "wn" -> {
                turn.state.to(Mode.ANSWERING);
                ask(turn, period, flow.get(), question, texts.get("rule.re-enter"));
            }
            case "kw" -> {
                turn.state.to(Mode.ANSWERING);
                turn.state.draft(null);
                next(turn, period, flow.get(), question, texts.get("answer.kept-theirs"));
            }
            default -> start(turn);
        }
    }

    private void pause(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (turn.state.mode() == Mode.AWAIT_REOPEN_COMMENT || turn.state.mode() == Mode.AWAIT_DEADLINE) {
            turn.state.idle();
            turn.say(texts.get("office.cancelled"));
            return;
        }
        if (flow.isEmpty() || turn.state.questionId() == null) {
            turn.say(texts.get("pause.nothing"));
            return;
        }
        int position = flow.get().indexOf(turn.state.questionId()) + 1;
        // The mode stays ANSWERING so /start resumes at the very same question.
        turn.say(texts.get("pause.done", position));
    }

    // ------------------------------------------------------------------ review and submission

    private void review(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            start(turn);
            return;
        }
        ReportingPeriod period = period();
        showReview(turn, period, flow.get(), collection.departmentAnswers(period.getId(), flow.get().departmentCode()), null);
    }

    private void showReview(Turn turn, ReportingPeriod period, Flow flow, Map<String, Answer> stored, String before) {
        turn.state.reviewing(period.getId());
        boolean submitted = collection.isSubmitted(period.getId(), flow.departmentCode());
        List<Question> missing = collection.missingRequired(flow, stored);
        StringBuilder text = new StringBuilder();
        if (before != null) {
            text.append(before).append("\n\n");
        }
        text.append(texts.get("review.header", department(flow.departmentCode()).name(), period.key().label(),
                flow.size() - missing.size(), flow.size())).append('\n');
        int position = 1;
        for (Question question : flow.questions()) {
            Answer answer = stored.get(question.id());
            String value = answer == null ? texts.get("review.missing") : screens.value(question, answer.value());
            text.append('\n').append(texts.get("review.line", position++, screens.place(question), Screens.shorten(question.prompt(), 90), value));
        }
        List<List<Button>> buttons = new ArrayList<>();
        if (submitted) {
            text.append("\n\n").append(texts.get("review.locked", context.commune().officeDepartment().name()));
        } else if (missing.isEmpty()) {
            text.append("\n\n").append(texts.get("review.ready"));
            buttons.add(List.of(new Button(texts.get("button.submit"), "sub")));
            buttons.add(List.of(new Button(texts.get("button.edit"), "edl|0")));
        } else {
            text.append("\n\n").append(texts.get("review.incomplete", missing.size()));
            buttons.add(List.of(new Button(texts.get("button.continue"), "go")));
            buttons.add(List.of(new Button(texts.get("button.edit"), "edl|0")));
        }
        List<String> parts = Screens.split(text.toString(), MAX_MESSAGE);
        for (int i = 0; i < parts.size(); i++) {
            turn.say(parts.get(i), i == parts.size() - 1 ? buttons : List.of());
        }
    }

    private void editList(Turn turn, int page) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            start(turn);
            return;
        }
        ReportingPeriod period = period();
        if (collection.isSubmitted(period.getId(), flow.get().departmentCode())) {
            turn.notice = texts.get("review.locked", context.commune().officeDepartment().name());
            start(turn);
            return;
        }
        List<Question> questions = flow.get().questions();
        int from = Math.min(page * EDIT_PAGE, Math.max(0, questions.size() - 1));
        int to = Math.min(questions.size(), from + EDIT_PAGE);
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int i = from; i < to; i++) {
            row.add(new Button(String.valueOf(i + 1), "ed|" + questions.get(i).id()));
            if (row.size() == 8) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        List<Button> paging = new ArrayList<>();
        if (from > 0) {
            paging.add(new Button(texts.get("button.previous-page"), "edl|" + (page - 1)));
        }
        if (to < questions.size()) {
            paging.add(new Button(texts.get("button.next-page"), "edl|" + (page + 1)));
        }
        paging.add(new Button(texts.get("button.review"), "rv"));
        rows.add(paging);
        turn.say(texts.get("edit.choose"), rows);
    }

    private void editFromReview(Turn turn, String questionId) {
        Optional<Flow> flow = flowOf(turn.member);
        Optional<Question> question = flow.flatMap(f -> f.question(questionId));
        if (question.isEmpty()) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        ReportingPeriod period = period();
        if (collection.isSubmitted(period.getId(), flow.get().departmentCode())) {
            start(turn);
            return;
        }
        ask(turn, period, flow.get(), question.get(), null);
        turn.state.returnToReview(true);
    }

    private void askSubmit(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            start(turn);
            return;
        }
        ReportingPeriod period = period();
        if (collection.isSubmitted(period.getId(), flow.get().departmentCode())) {
            start(turn);
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
        List<Question> missing = collection.missingRequired(flow.get(), stored);
        if (!missing.isEmpty()) {
            showReview(turn, period, flow.get(), stored, texts.get("submit.incomplete", missing.size()));
            return;
        }
        turn.state.to(Mode.CONFIRM_SUBMIT);
        turn.say(texts.get("submit.confirm", department(flow.get().departmentCode()).name(), period.key().label()),
                List.of(List.of(new Button(texts.get("button.confirm-submit"), "subok|" + period.getId())),
                        List.of(new Button(texts.get("button.review"), "rv"))));
    }

    private void submit(Turn turn, String periodId) {
        Optional<Flow> flow = flowOf(turn.member);
        ReportingPeriod period = period();
        if (flow.isEmpty() || turn.state.mode() != Mode.CONFIRM_SUBMIT || !String.valueOf(period.getId()).equals(periodId)) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
        if (!collection.missingRequired(flow.get(), stored).isEmpty()) {
            askSubmit(turn);
            return;
        }
        List<String> owing = context.flows().stream().map(Flow::departmentCode).toList();
        CollectionService.SubmitResult result = collection.submit(period, flow.get().departmentCode(), turn.member.getId(), owing);
        turn.state.idle();
        if (!result.submitted()) {
            start(turn);
            return;
        }
        Department department = department(flow.get().departmentCode());
        turn.say(texts.get("submit.done", department.name(), period.key().label()));
        String who = screens.who(turn.member.getId());
        for (Member colleague : access.departmentMembers(context.commune().code(), department.code())) {
            if (!colleague.getId().equals(turn.member.getId()) && !colleague.isBotBlocked()) {
                turn.tell(colleague.getChatId(), texts.get("submit.colleague", who, department.name(), period.key().label()), List.of());
            }
        }
        List<DepartmentProgress> progress = collection.progress(period, context.flows());
        long done = progress.stream().filter(p -> p.state() == DepartmentProgress.State.SUBMITTED).count();
        for (Member admin : access.officeAdmins(context.commune().code())) {
            if (admin.isBotBlocked()) {
                continue;
            }
            if (result.allInNow()) {
                turn.tell(admin.getChatId(), texts.get("office.all-in", context.report().name(), period.key().label(), done),
                        List.of(List.of(new Button(texts.get("button.compile"), "draft|" + period.getId())),
                                List.of(new Button(texts.get("button.progress"), "prog"))));
            } else if (!admin.getId().equals(turn.member.getId())) {
                turn.tell(admin.getChatId(), texts.get("office.part-in", department.name(), who, done, progress.size()),
                        List.of(List.of(new Button(texts.get("button.progress"), "prog"))));
            }
        }
    }

    // ------------------------------------------------------------------ the office

    private void office(Turn turn, Runnable action) {
        if (!turn.member.isOfficeAdmin()) {
            turn.notice = texts.get("office.only");
            turn.say(texts.get("office.only"));
            return;
        }
        action.run();
    }

    private List<List<Button>> officeMenu() {
        return List.of(List.of(new Button(texts.get("button.progress"), "prog")),
                List.of(new Button(texts.get("button.invite"), "inv|")));
    }

    private void progress(Turn turn) {
        ReportingPeriod period = period();
        List<DepartmentProgress> progress = collection.progress(period, context.flows());
        StringBuilder text = new StringBuilder(texts.get("progress.header", context.report().name(), period.key().label()));
        long done = 0;
        for (DepartmentProgress p : progress) {
            String name = department(p.departmentCode()).name();
            String line = switch (p.state()) {
                case NOT_STARTED -> texts.get("progress.not-started", name);
                case ANSWERING -> texts.get("progress.answering", name, p.answered(), p.total());
                case SUBMITTED -> texts.get("progress.submitted", name, screens.when(p.submittedAt()), screens.who(p.submittedBy()));
                case REOPENED -> texts.get("progress.reopened", name, p.answered(), p.total());
            };
            if (p.state() == DepartmentProgress.State.SUBMITTED) {
                done++;
            }
            text.append('\n').append(line);
        }
        text.append("\n\n").append(texts.get("progress.footer", done, progress.size()));
        List<List<Button>> buttons = new ArrayList<>();
        buttons.add(List.of(new Button(texts.get("button.refresh"), "prog")));
        if (done == progress.size()) {
            buttons.add(List.of(new Button(texts.get("button.compile"), "draft|" + period.getId())));
        }
        turn.say(text.toString(), buttons);
    }

    private void invite(Turn turn, String argument) {
        Optional<Department> department = findDepartment(argument);
        if (department.isEmpty()) {
            List<List<Button>> rows = new ArrayList<>();
            for (Department d : context.commune().departments()) {
                rows.add(List.of(new Button(d.name(), "inv|" + d.code())));
            }
            turn.say(argument.isBlank() ? texts.get("invite.choose") : texts.get("invite.unknown-department", argument), rows);
            return;
        }
        String code = access.createInvite(turn.member, department.get().code());
        String pretty = code.substring(0, 5) + "-" + code.substring(5);
        String link = inviteLinks.flatMap(l -> l.linkFor(code)).map(l -> texts.get("invite.link", l)).orElse("");
        turn.say(texts.get("invite.created", department.get().name(), pretty, access.inviteValidity().toDays(), code, link));
    }

    private Optional<Department> findDepartment(String argument) {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        String wanted = argument.trim().toLowerCase(Texts.VIETNAMESE);
        return context.commune().departments().stream()
                .filter(d -> d.code().equals(wanted) || d.name().toLowerCase(Texts.VIETNAMESE).equals(wanted)
                        || d.shortName().toLowerCase(Texts.VIETNAMESE).equals(wanted))
                .findFirst();
    }

    private void chooseReopen(Turn turn, String argument) {
        ReportingPeriod period = period();
        Optional<Department> named = findDepartment(argument);
        if (named.isPresent()) {
            askReopenComment(turn, named.get().code());
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (Flow flow : context.flows()) {
            if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
                rows.add(List.of(new Button(department(flow.departmentCode()).name(), "rop|" + flow.departmentCode())));
            }
        }
        if (rows.isEmpty()) {
            turn.say(texts.get("reopen.none"));
            return;
        }
        turn.say(texts.get("reopen.choose"), rows);
    }

    private void askReopenComment(Turn turn, String departmentCode) {
        ReportingPeriod period = period();
        Optional<Department> department = context.commune().department(departmentCode);
        if (department.isEmpty() || !collection.isSubmitted(period.getId(), departmentCode)) {
            turn.notice = texts.get("button.stale");
            turn.say(texts.get("reopen.not-submitted"));
            return;
        }
        turn.state.awaitReopenComment(departmentCode);
        turn.say(texts.get("reopen.ask-comment", department.get().name()));
    }

    private void reopenWithComment(Turn turn, String comment) {
        String departmentCode = turn.state.context();
        if (!turn.member.isOfficeAdmin() || departmentCode == null) {
            turn.state.idle();
            start(turn);
            return;
        }
        if (comment.isBlank() || comment.length() > 1000) {
            turn.say(texts.get("reopen.comment-invalid"));
            return;
        }
        ReportingPeriod period = period();
        turn.state.idle();
        if (!collection.reopen(period, departmentCode, turn.member.getId(), comment)) {
            turn.say(texts.get("reopen.not-submitted"));
            return;
        }
        Department department = department(departmentCode);
        turn.say(texts.get("reopen.done", department.name()));
        String who = screens.who(turn.member.getId());
        for (Member member : access.departmentMembers(context.commune().code(), departmentCode)) {
            if (!member.isBotBlocked()) {
                turn.tell(member.getChatId(), texts.get("reopen.member", department.name(), period.key().label(), who, comment),
                        List.of(List.of(new Button(texts.get("button.review"), "rv"))));
            }
        }
    }

    private static final java.time.format.DateTimeFormatter DEADLINE_TEXT = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private void choosePeriod(Turn turn) {
        PeriodKey current = PeriodKey.containing(context.report().frequency(), java.time.LocalDate.now(clock));
        List<List<Button>> rows = new ArrayList<>();
        for (PeriodKey key : List.of(current.previous(), current, current.next())) {
            rows.add(List.of(new Button(key.label(), "okp|" + key.key())));
        }
        turn.say(texts.get("period.choose", context.report().name()), rows);
    }

    private void askDeadline(Turn turn, String periodKey) {
        PeriodKey key;
        try {
            key = PeriodKey.parse(periodKey);
        } catch (RuntimeException e) {
            turn.notice = texts.get("button.stale");
            choosePeriod(turn);
            return;
        }
        if (key.frequency() != context.report().frequency()) {
            turn.notice = texts.get("button.stale");
            choosePeriod(turn);
            return;
        }
        turn.state.awaitDeadline(key.key());
        turn.say(texts.get("period.ask-deadline", key.label()));
    }

    private void openWithDeadline(Turn turn, String text) {
        PeriodKey key = PeriodKey.parse(turn.state.context());
        Optional<java.time.ZonedDateTime> deadline = DeadlineParser.parse(text, clock);
        if (deadline.isEmpty()) {
            turn.say(texts.get("period.deadline-invalid"));
            return;
        }
        if (!deadline.get().toInstant().isAfter(clock.instant())) {
            turn.say(texts.get("period.deadline-past"));
            return;
        }
        PeriodService.Opening opening = periods.open(context.commune().code(), context.report(), key, deadline.get().toInstant());
        turn.state.idle();
        if (opening.outcome() == PeriodService.OpenOutcome.ANOTHER_OPEN) {
            turn.say(texts.get("period.another-open", opening.period().key().label()));
            return;
        }
        String when = DEADLINE_TEXT.format(deadline.get());
        turn.say(texts.get("period.opened", context.report().name(), key.label(), when));
        for (Flow flow : context.flows()) {
            for (Member member : access.departmentMembers(context.commune().code(), flow.departmentCode())) {
                if (!member.isBotBlocked()) {
                    turn.tell(member.getChatId(), texts.get("period.opened-member", context.report().name(), key.label(), when,
                                    department(flow.departmentCode()).name(), flow.size()),
                            List.of(List.of(new Button(texts.get("button.start"), "go"))));
                }
            }
        }
    }

    private void askClose(Turn turn) {
        ReportingPeriod period = period();
        if (!period.isOpen()) {
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.ask-close", period.key().label()),
                List.of(List.of(new Button(texts.get("button.close-period"), "close|" + period.getId()))));
    }

    private void close(Turn turn, String periodId) {
        ReportingPeriod period = period();
        if (!String.valueOf(period.getId()).equals(periodId) || !periods.close(period.getId())) {
            turn.notice = texts.get("button.stale");
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.closed", period.key().label()));
        for (DepartmentProgress progress : collection.progress(period, context.flows())) {
            if (progress.state() == DepartmentProgress.State.SUBMITTED) {
                continue;
            }
            for (Member member : access.departmentMembers(context.commune().code(), progress.departmentCode())) {
                if (!member.isBotBlocked()) {
                    turn.tell(member.getChatId(), texts.get("period.closed-late", context.report().name(), period.key().label(),
                            department(progress.departmentCode()).name(), context.commune().officeDepartment().name()), List.of());
                }
            }
        }
    }

    private void chooseRemind(Turn turn) {
        ReportingPeriod period = period();
        List<List<Button>> rows = new ArrayList<>();
        for (DepartmentProgress progress : collection.progress(period, context.flows())) {
            if (progress.state() != DepartmentProgress.State.SUBMITTED) {
                rows.add(List.of(new Button(department(progress.departmentCode()).name(), "rem|" + progress.departmentCode())));
            }
        }
        if (rows.isEmpty()) {
            turn.say(texts.get("remind.nobody"));
            return;
        }
        rows.add(List.of(new Button(texts.get("button.remind-all"), "rem|all")));
        turn.say(texts.get("remind.choose"), rows);
    }

    private void remind(Turn turn, String target) {
        ReportingPeriod period = period();
        List<String> departments = target.equals("all")
                ? context.flows().stream().map(Flow::departmentCode).toList()
                : context.commune().department(target).map(d -> List.of(d.code())).orElse(List.of());
        if (departments.isEmpty()) {
            turn.notice = texts.get("button.stale");
            chooseRemind(turn);
            return;
        }
        int queued = reminders.remindNow(period, departments);
        turn.say(queued == 0 ? texts.get("remind.nobody") : texts.get("remind.sent", queued));
    }

    /** The compiled report, a draft until every part is in, as DOCX and XLSX with what is missing and what the rules found. */
    private void compile(Turn turn) {
        ReportingPeriod period = period();
        CompiledReport report = reports.compile(period, null);
        StringBuilder text = new StringBuilder(texts.get(report.draft() ? "compile.draft" : "compile.final",
                context.report().name(), period.key().label()));
        if (!report.missing().isEmpty()) {
            text.append("\n\n").append(texts.get("compile.missing", report.missing().size()));
            for (MissingPart part : report.missing()) {
                text.append('\n').append(texts.get("compile.missing-line", part.description()));
            }
        }
        text.append("\n\n").append(texts.get("compile.checks"));
        if (report.findings().isEmpty()) {
            text.append('\n').append(texts.get("compile.checks-ok"));
        }
        for (RuleFinding finding : report.findings()) {
            text.append('\n').append(texts.get(finding.isError() ? "compile.error" : "compile.warning", finding.description()));
        }
        for (String part : Screens.split(text.toString(), MAX_MESSAGE)) {
            turn.say(part);
        }
        attach(turn, report.docx());
        attach(turn, report.xlsx());
    }

    private void attach(Turn turn, GeneratedFile file) {
        String caption = file.caption() == null ? "" : Screens.shorten(file.caption(), 1000);
        turn.out.add(Outbound.document(turn.in.chatId(), file.fileName(), file.content(), caption));
    }

    /** A member's own part as a DOCX; the compiled report is only for the office. */
    private void departmentPart(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            turn.say(texts.get("member.no-flow", context.commune().officeDepartment().name()));
            return;
        }
        attach(turn, reports.departmentPart(period(), flow.get().departmentCode()));
    }

    private void help(Turn turn) {
        StringBuilder text = new StringBuilder(texts.get("help.member"));
        if (turn.member.isOfficeAdmin()) {
            text.append("\n\n").append(texts.get("help.office"));
        }
        turn.say(text.toString());
    }
}
