package vn.communereport.reminder;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * When a period's data window ends, its commune's office is proposed to open it, with the deadline and grace the
 * definition gives and a one-tap button. Each proposal goes once: its row is written in the transaction that queues
 * the messages, and its unique key refuses a second.
 */
@Service
public class PeriodProposals {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PeriodProposalRepository proposals;
    private final PeriodWindows windows;
    private final PeriodService periods;
    private final AccessService access;
    private final ReportScopes scopes;
    private final ProposalButtons buttons;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    PeriodProposals(PeriodProposalRepository proposals, PeriodWindows windows, PeriodService periods, AccessService access,
                    ReportScopes scopes, ProposalButtons buttons, Outbox outbox, Texts texts, Clock clock) {
        this.proposals = proposals;
        this.windows = windows;
        this.periods = periods;
        this.access = access;
        this.scopes = scopes;
        this.buttons = buttons;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /** Proposes every period whose window has ended and that is not opened yet, commune by commune; returns the messages queued. */
    @Transactional
    public int queueDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<Outbound> messages = new ArrayList<>();
        for (ReportScope scope : scopes.all()) {
            Optional<PeriodWindows.Window> ended = windows.lastEnded(scope);
            if (ended.isEmpty() || !due(scope, ended.get(), now)) {
                continue;
            }
            PeriodKey key = ended.get().key();
            List<Member> admins = access.officeAdmins(scope.communeCode());
            if (admins.isEmpty() || proposals.existsByCommuneCodeAndReportCodeAndPeriodKey(scope.communeCode(), scope.reportCode(), key.key())) {
                continue;
            }
            proposals.saveAndFlush(new PeriodProposal(scope.communeCode(), scope.reportCode(), key.key(), clock.instant()));
            String text = proposal(scope, ended.get());
            List<List<Outbound.Button>> rows = List.of(List.of(buttons.openProposed(scope.reportCode(), key)));
            admins.forEach(admin -> messages.add(new Outbound(Recipient.member(admin.getId()), text, rows)));
        }
        outbox.enqueue(messages);
        return messages.size();
    }

    /**
     * From the working morning after the window's last day until the deadline, and only while the office has not
     * opened the period with a deadline of its own (then there is nothing to propose).
     */
    private boolean due(ReportScope scope, PeriodWindows.Window window, ZonedDateTime now) {
        ZonedDateTime from = window.to().plusDays(1).atTime(scope.reminders().morning()).atZone(now.getZone());
        if (now.isBefore(from) || !now.isBefore(window.deadline())) {
            return false;
        }
        Optional<ReportingPeriod> stored = periods.find(scope.communeCode(), scope.reportCode(), window.key());
        return stored.isEmpty() || stored.get().getDeadline() == null;
    }

    /** Whether this period of the report was proposed to the commune's office (a button for any other is forged). */
    @Transactional(readOnly = true)
    public boolean wasProposed(String communeCode, String reportCode, PeriodKey key) {
        return proposals.existsByCommuneCodeAndReportCodeAndPeriodKey(communeCode, reportCode, key.key());
    }

    /**
     * The office's tap takes the proposal: true for the first tap only, whoever and wherever taps next. Runs in the
     * caller's transaction (the turn's), so the claim commits with the opening or not at all.
     */
    @Transactional
    public boolean claimOpening(String communeCode, String reportCode, PeriodKey key, long adminId) {
        return proposals.claimOpening(communeCode, reportCode, key.key(), adminId, clock.instant()) == 1;
    }

    /** The tap could not open the period after all (another is open, the deadline passed): a later tap may try again. */
    @Transactional
    public void releaseOpening(String communeCode, String reportCode, PeriodKey key) {
        proposals.releaseOpening(communeCode, reportCode, key.key());
    }

    private String proposal(ReportScope scope, PeriodWindows.Window window) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern(texts.get("period.deadline-format"));
        return texts.get("windows.proposal", texts.get("communes.report-period", scope.report().name(), window.key().label()),
                DATE.format(window.from()), DATE.format(window.to()), at.format(window.deadline()), rule(window),
                String.valueOf(window.cutOff().graceHours()), at.format(window.locksAt()));
    }

    /** Two working days, five days, as the bundle words them: how the deadline is counted from the window's last day. */
    public String rule(PeriodWindows.Window window) {
        return texts.get(window.cutOff().workingDays() ? "windows.rule.working-days" : "windows.rule.days",
                String.valueOf(window.cutOff().deadlineDays()));
    }
}
