package vn.communereport.conversation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

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
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportContext;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
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
    private final ReportCompiler reports;
    private final OfficeDesk desk;

    ConversationEngine(ProcessedDeliveryRepository deliveries, ConversationStateRepository states, AccessService access,
                       PeriodService periods, CollectionService collection, ReportContext context, Texts texts,
                       Screens screens, Clock clock,
                       ReportCompiler reports, OfficeDesk desk) {
        this.reports = reports;
        this.desk = desk;
        this.deliveries = deliveries;
        this.states = states;
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.context = context;
        this.texts = texts;
        this.screens = screens;
        this.clock = clock;
    }

    /** One person's step: stored whole or not at all, applied at most once per delivery. */
    @Transactional
    public Reply handle(Inbound in) {
        ProcessedDelivery.Key key = new ProcessedDelivery.Key(in.channel(), in.deliveryId());
        if (deliveries.existsById(key)) {
            return Reply.duplicateDelivery();
        }
        // Claimed before anything else, with an INSERT: a concurrent delivery of the same update waits here and then
        // fails on the primary key (the consumer retries it and finds it done).
        deliveries.saveAndFlush(new ProcessedDelivery(in.channel(), in.deliveryId(), clock.instant()));
        Turn turn = new Turn(in);
        route(turn);
        return new Reply(List.copyOf(turn.out), turn.notice, false);
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
            case AWAIT_REOPEN_COMMENT -> desk.reopenWithComment(turn, text);
            case AWAIT_DEADLINE -> desk.openWithDeadline(turn, text);
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
            case "/xem" -> asMember(turn, (flow, period) -> review(turn, flow, period));
            case "/nop" -> asMember(turn, (flow, period) -> askSubmit(turn, flow, period));
            case "/tamdung", "/huy" -> pause(turn);
            case "/trogiup", "/help" -> help(turn);
            case "/tiendo" -> office(turn, () -> desk.progress(turn));
            case "/moi" -> office(turn, () -> desk.invite(turn, argument));
            case "/molai" -> office(turn, () -> desk.chooseReopen(turn, argument));
            case "/moky" -> office(turn, () -> desk.choosePeriod(turn));
            case "/duthao" -> office(turn, () -> desk.compile(turn));
            case "/lichsu" -> office(turn, () -> desk.history(turn, argument));
            case "/xuatdulieu" -> office(turn, () -> desk.export(turn));
            case "/thuhoi" -> office(turn, () -> desk.chooseRevoke(turn));
            case "/phanbaocao" -> departmentPart(turn);
            case "/dongky" -> office(turn, () -> desk.askClose(turn));
            case "/nhacnho" -> office(turn, () -> desk.chooseRemind(turn));
            default -> turn.say(texts.get("command.unknown"));
        }
    }

    private void button(Turn turn, String data) {
        String[] parts = data.split("\\|", 2);
        String action = parts[0];
        String argument = parts.length > 1 ? parts[1] : "";
        switch (action) {
            case "y", "n", "k", "s", "b", "p", "d", "c", "ow", "kw", "wy", "wn" ->
                    asMember(turn, (flow, period) -> questionButton(turn, flow, period, action, argument));
            case "go" -> start(turn);
            case "rv" -> asMember(turn, (flow, period) -> review(turn, flow, period));
            case "ed" -> editFromReview(turn, argument);
            case "edl" -> asMember(turn, (flow, period) -> editList(turn, flow, period, parsePage(argument)));
            case "sub" -> asMember(turn, (flow, period) -> askSubmit(turn, flow, period));
            case "subok" -> submit(turn, argument);
            case "prog" -> office(turn, () -> desk.progress(turn));
            case "inv" -> office(turn, () -> desk.invite(turn, argument));
            case "rop" -> office(turn, () -> desk.askReopenComment(turn, argument));
            case "okp" -> office(turn, () -> desk.askDeadline(turn, argument));
            case "close" -> office(turn, () -> desk.close(turn, argument));
            case "rem" -> office(turn, () -> desk.remind(turn, argument));
            case "prev" -> keepPrevious(turn, argument);
            case "rvk" -> office(turn, () -> desk.revoke(turn, argument));
            case "draft" -> office(turn, () -> desk.compile(turn));
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

    /** A department member's action, given their flow and the current period; anyone without a flow goes to start. */
    private void asMember(Turn turn, BiConsumer<Flow, ReportingPeriod> action) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            start(turn);
            return;
        }
        action.accept(flow.get(), period());
    }

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
                turn.say(texts.get("office.welcome", context.commune().name()), desk.officeMenu());
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
        ConversationState state = turn.state;
        if (state.mode() == Mode.ANSWERING && state.questionId() != null && Long.valueOf(period.getId()).equals(state.periodId())
                && flow.get().indexOf(state.questionId()) >= 0) {
            ask(turn, period, flow.get(), flow.get().question(state.questionId()).orElseThrow(), texts.get("flow.resume"));
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.get().departmentCode());
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
        List<List<Button>> buttons = new ArrayList<>(questionButtons(question, position == 1, current.isPresent(), draft != null && !draft.isEmpty()));
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

    private List<List<Button>> questionButtons(Question question, boolean isFirst, boolean hasAnswer, boolean hasDraft) {
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
        if (!isFirst) {
            navigation.add(new Button(texts.get("button.back"), "b|" + id));
        }
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
                turn.say(period.isOpen()
                        ? texts.get("flow.locked", context.commune().officeDepartment().name())
                        : texts.get("period.closed-member", period.key().label(), context.commune().officeDepartment().name()));
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

    private void questionButton(Turn turn, Flow flow, ReportingPeriod period, String action, String questionId) {
        boolean current = turn.state.mode() == Mode.ANSWERING || turn.state.mode() == Mode.CONFIRM_OVERWRITE
                || turn.state.mode() == Mode.CONFIRM_WARNING;
        if (!current || !questionId.equals(turn.state.questionId()) || !Long.valueOf(period.getId()).equals(turn.state.periodId())) {
            turn.notice = texts.get("button.stale");
            start(turn);
            return;
        }
        Question question = flow.question(questionId).orElseThrow();
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
                    ask(turn, period, flow, question, null);
                    return;
                }
                store(turn, period, flow, question, AnswerValue.ofNumber(BigDecimal.valueOf(action.equals("y") ? 1 : 0)), false);
            }
            case "k" -> {
                Optional<Answer> answer = collection.answer(period.getId(), question.id());
                if (answer.isEmpty()) {
                    ask(turn, period, flow, question, null);
                    return;
                }
                turn.state.draft(null);
                next(turn, period, flow, question, texts.get("answer.kept"));
            }
            case "s" -> {
                if (!question.optional()) {
                    turn.notice = texts.get("skip.not-allowed");
                    ask(turn, period, flow, question, texts.get("skip.not-allowed"));
                    return;
                }
                store(turn, period, flow, question, AnswerValue.SKIPPED, false);
            }
            case "b" -> {
                int index = flow.indexOf(question.id());
                if (index == 0) {
                    turn.notice = texts.get("back.first");
                    ask(turn, period, flow, question, null);
                    return;
                }
                turn.state.returnToReview(false);
                ask(turn, period, flow, flow.questions().get(index - 1), null);
            }
            case "p" -> pause(turn);
            case "d" -> {
                String draft = turn.state.narrativeDraft();
                if (draft == null || draft.isBlank()) {
                    turn.notice = texts.get("narrative.empty");
                    ask(turn, period, flow, question, texts.get("narrative.empty"));
                    return;
                }
                store(turn, period, flow, question, AnswerValue.ofText(draft.strip()), false);
            }
            case "c" -> {
                turn.state.draft(null);
                turn.notice = texts.get("narrative.cleared");
                ask(turn, period, flow, question, texts.get("narrative.cleared"));
            }
            case "ow" -> {
                String pending = turn.state.pendingValue();
                AnswerValue value = pending == null ? AnswerValue.SKIPPED
                        : question.type().numeric() ? AnswerValue.ofNumber(new BigDecimal(pending)) : AnswerValue.ofText(pending);
                turn.state.to(Mode.ANSWERING);
                store(turn, period, flow, question, value, true);
            }
            case "wy" -> {
                String pending = turn.state.pendingValue();
                turn.state.to(Mode.ANSWERING);
                if (pending == null) {
                    ask(turn, period, flow, question, null);
                    return;
                }
                store(turn, period, flow, question, AnswerValue.ofNumber(new BigDecimal(pending)), false, true);
            }
            case "wn" -> {
                turn.state.to(Mode.ANSWERING);
                ask(turn, period, flow, question, texts.get("rule.re-enter"));
            }
            case "kw" -> {
                turn.state.to(Mode.ANSWERING);
                turn.state.draft(null);
                next(turn, period, flow, question, texts.get("answer.kept-theirs"));
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

    private void review(Turn turn, Flow flow, ReportingPeriod period) {
        showReview(turn, period, flow, collection.departmentAnswers(period.getId(), flow.departmentCode()), null);
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

    private void editList(Turn turn, Flow flow, ReportingPeriod period, int page) {
        if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
            turn.notice = texts.get("review.locked", context.commune().officeDepartment().name());
            start(turn);
            return;
        }
        List<Question> questions = flow.questions();
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

    private void askSubmit(Turn turn, Flow flow, ReportingPeriod period) {
        if (collection.isSubmitted(period.getId(), flow.departmentCode())) {
            start(turn);
            return;
        }
        Map<String, Answer> stored = collection.departmentAnswers(period.getId(), flow.departmentCode());
        List<Question> missing = collection.missingRequired(flow, stored);
        if (!missing.isEmpty()) {
            showReview(turn, period, flow, stored, texts.get("submit.incomplete", missing.size()));
            return;
        }
        turn.state.to(Mode.CONFIRM_SUBMIT);
        turn.say(texts.get("submit.confirm", department(flow.departmentCode()).name(), period.key().label()),
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
            askSubmit(turn, flow.get(), period);
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
        // The office is told how many parts are in: counted from the submissions, not from every answer of the period.
        long done = collection.submittedCount(period.getId(), owing);
        int parts = owing.size();
        for (Member admin : access.officeAdmins(context.commune().code())) {
            if (admin.isBotBlocked()) {
                continue;
            }
            if (result.allInNow()) {
                turn.tell(admin.getChatId(), texts.get("office.all-in", context.report().name(), period.key().label(), done),
                        List.of(List.of(new Button(texts.get("button.compile"), "draft|" + period.getId())),
                                List.of(new Button(texts.get("button.progress"), "prog"))));
            } else if (!admin.getId().equals(turn.member.getId())) {
                turn.tell(admin.getChatId(), texts.get("office.part-in", department.name(), who, done, parts),
                        List.of(List.of(new Button(texts.get("button.progress"), "prog"))));
            }
        }
    }

    /** A member's own part as a DOCX; the compiled report is only for the office. */
    private void departmentPart(Turn turn) {
        Optional<Flow> flow = flowOf(turn.member);
        if (flow.isEmpty()) {
            turn.say(texts.get("member.no-flow", context.commune().officeDepartment().name()));
            return;
        }
        turn.attach(reports.departmentPart(period(), flow.get().departmentCode()));
    }

    /** Office actions run only for office administrators. */
    private void office(Turn turn, Runnable action) {
        if (!turn.member.isOfficeAdmin()) {
            turn.notice = texts.get("office.only");
            turn.say(texts.get("office.only"));
            return;
        }
        action.run();
    }

    private void help(Turn turn) {
        StringBuilder text = new StringBuilder(texts.get("help.member"));
        if (turn.member.isOfficeAdmin()) {
            text.append("\n\n").append(texts.get("help.office"));
        }
        turn.say(text.toString());
    }
}
