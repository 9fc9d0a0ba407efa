package vn.communereport.conversation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.DepartmentProgress;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Department;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.ReportContext;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Texts;
import vn.communereport.reminder.ReminderService;
import vn.communereport.report.CompiledReport;
import vn.communereport.report.MissingPart;
import vn.communereport.report.ReportCompiler;
import vn.communereport.report.RuleFinding;

/**
 * What the office (Văn phòng HĐND và UBND) does in the conversation: progress, invites, periods,
 * reminders, reopening, the compiled report, history, export and revocation. The engine has already
 * checked that the person is an office administrator.
 */
@Component
class OfficeDesk {

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

    OfficeDesk(AccessService access, PeriodService periods, CollectionService collection, ReportContext context, Texts texts,
               Screens screens, Clock clock, Optional<InviteLinks> inviteLinks, ReminderService reminders, ReportCompiler reports) {
        this.access = access;
        this.periods = periods;
        this.collection = collection;
        this.context = context;
        this.texts = texts;
        this.screens = screens;
        this.clock = clock;
        this.inviteLinks = inviteLinks;
        this.reminders = reminders;
        this.reports = reports;
    }

    private Department department(String code) {
        return context.commune().department(code).orElseThrow();
    }

    private ReportingPeriod period() {
        return periods.currentPeriod(context.commune().code(), context.report());
    }


    List<List<Button>> officeMenu() {
        return List.of(List.of(new Button(texts.get("button.progress"), "prog")),
                List.of(new Button(texts.get("button.invite"), "inv|")));
    }

    void progress(Turn turn) {
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

    void invite(Turn turn, String argument) {
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

    void chooseReopen(Turn turn, String argument) {
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

    void askReopenComment(Turn turn, String departmentCode) {
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

    void reopenWithComment(Turn turn, String comment) {
        String departmentCode = turn.state.context();
        if (!turn.member.isOfficeAdmin() || departmentCode == null) {
            turn.state.idle();
            turn.say(texts.get("office.only"));
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

    static final java.time.format.DateTimeFormatter DEADLINE_TEXT = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    void choosePeriod(Turn turn) {
        PeriodKey current = PeriodKey.containing(context.report().frequency(), java.time.LocalDate.now(clock));
        List<List<Button>> rows = new ArrayList<>();
        for (PeriodKey key : List.of(current.previous(), current, current.next())) {
            rows.add(List.of(new Button(key.label(), "okp|" + key.key())));
        }
        turn.say(texts.get("period.choose", context.report().name()), rows);
    }

    void askDeadline(Turn turn, String periodKey) {
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

    void openWithDeadline(Turn turn, String text) {
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
        collection.recordPeriodEvent(opening.period(), "PERIOD_OPENED", turn.member.getId(), when);
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

    void askClose(Turn turn) {
        ReportingPeriod period = period();
        if (!period.isOpen()) {
            turn.say(texts.get("period.none-open"));
            return;
        }
        turn.say(texts.get("period.ask-close", period.key().label()),
                List.of(List.of(new Button(texts.get("button.close-period"), "close|" + period.getId()))));
    }

    void close(Turn turn, String periodId) {
        ReportingPeriod period = period();
        if (!String.valueOf(period.getId()).equals(periodId) || !periods.close(period.getId())) {
            turn.notice = texts.get("button.stale");
            turn.say(texts.get("period.none-open"));
            return;
        }
        collection.recordPeriodEvent(period, "PERIOD_CLOSED", turn.member.getId(), null);
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

    void chooseRemind(Turn turn) {
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

    void remind(Turn turn, String target) {
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
    void compile(Turn turn) {
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
        for (String part : Screens.split(text.toString(), ConversationEngine.MAX_MESSAGE)) {
            turn.say(part);
        }
        turn.attach(report.docx());
        turn.attach(report.xlsx());
    }

    /** Who changed a figure or a block, when, from what to what. */
    void history(Turn turn, String argument) {
        String wanted = argument.trim();
        Optional<Question> question = context.report().question(wanted.toLowerCase(Texts.VIETNAMESE))
                .or(() -> Optional.ofNullable(context.report().questionsBySlot().get("bieu:" + wanted)))
                .or(() -> Optional.ofNullable(context.report().questionsBySlot().get("muc:" + wanted)));
        if (question.isEmpty()) {
            turn.say(texts.get("history.usage"));
            return;
        }
        ReportingPeriod period = period();
        List<CollectionService.Change> changes = collection.history(period.getId(), question.get().id());
        StringBuilder text = new StringBuilder(texts.get("history.header", screens.place(question.get()),
                Screens.shorten(question.get().prompt(), 120), period.key().label()));
        if (changes.isEmpty()) {
            text.append('\n').append(texts.get("history.none"));
        }
        for (CollectionService.Change change : changes) {
            text.append('\n').append(texts.get("history.line", screens.when(change.changedAt()), screens.who(change.changedBy()),
                    auditValue(question.get(), change.oldValue()), auditValue(question.get(), change.newValue())));
        }
        for (String part : Screens.split(text.toString(), ConversationEngine.MAX_MESSAGE)) {
            turn.say(part);
        }
    }

    private String auditValue(Question question, String stored) {
        if (stored == null) {
            return texts.get("history.empty");
        }
        if (question.type().numeric() && stored.matches("\\d+(\\.\\d+)?")) {
            return screens.value(question, AnswerValue.ofNumber(new BigDecimal(stored)));
        }
        return Screens.shorten(stored, 80);
    }

    void export(Turn turn) {
        ReportingPeriod period = period();
        byte[] csv = AnswerExport.csv(context.commune(), context.flows(), collection.periodAnswers(period.getId()), screens);
        String name = "DuLieu_" + context.report().code().toUpperCase() + "_" + period.key().fileCode() + "_"
                + context.commune().fileCode() + ".csv";
        turn.out.add(Outbound.document(turn.in.chatId(), name, csv, texts.get("export.caption", context.report().name(), period.key().label())));
    }

    void chooseRevoke(Turn turn) {
        List<List<Button>> rows = new ArrayList<>();
        for (Member member : access.activeMembers(context.commune().code())) {
            if (member.getDepartmentCode() != null) {
                String name = member.getDisplayName() == null ? String.valueOf(member.getChannelUserId()) : member.getDisplayName();
                rows.add(List.of(new Button(Screens.shorten(name + " – " + department(member.getDepartmentCode()).shortName(), 60),
                        "rvk|" + member.getId())));
            }
        }
        turn.say(rows.isEmpty() ? texts.get("revoke.nobody") : texts.get("revoke.choose"), rows);
    }

    void revoke(Turn turn, String memberId) {
        Optional<Member> revoked;
        try {
            revoked = access.revoke(turn.member, Long.parseLong(memberId));
        } catch (NumberFormatException e) {
            revoked = Optional.empty();
        }
        if (revoked.isEmpty()) {
            turn.notice = texts.get("button.stale");
            chooseRevoke(turn);
            return;
        }
        Member member = revoked.get();
        turn.say(texts.get("revoke.done", member.getDisplayName() == null ? member.getChannelUserId() : member.getDisplayName()));
        if (!member.isBotBlocked()) {
            turn.tell(member.getChatId(), texts.get("revoke.member", context.commune().officeDepartment().name()), List.of());
        }
    }
}
