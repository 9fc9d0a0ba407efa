package vn.communereport.conversation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.messaging.Texts;
import vn.communereport.reminder.PeriodProposals;
import vn.communereport.reminder.PeriodWindows;

/**
 * The office taps «Mở kỳ» under a proposal: the period opens with the deadline its definition gives, members are
 * told. A second tap, a stale proposal or a forged button says so and changes nothing.
 */
@Component
class OfficeWindows {

    private final OfficeDesk desk;
    private final ReportScopes scopes;
    private final PeriodWindows windows;
    private final PeriodProposals proposals;
    private final PeriodService periods;
    private final Texts texts;
    private final Clock clock;

    OfficeWindows(OfficeDesk desk, ReportScopes scopes, PeriodWindows windows, PeriodProposals proposals, PeriodService periods,
                  Texts texts, Clock clock) {
        this.desk = desk;
        this.scopes = scopes;
        this.windows = windows;
        this.proposals = proposals;
        this.periods = periods;
        this.texts = texts;
        this.clock = clock;
    }

    void openProposed(Turn turn, String argument) {
        Optional<String[]> read = WindowButtons.read(argument);
        Optional<PeriodKey> key = read.flatMap(parts -> parse(parts[0]));
        String communeCode = turn.member.getCommuneCode();
        Optional<ReportScope> scope = read.flatMap(parts -> scopes.owed(communeCode, parts[1]));
        Optional<PeriodWindows.Window> window = scope.flatMap(s -> key.flatMap(k -> windows.of(s, k)));
        if (window.isEmpty() || !proposals.wasProposed(communeCode, scope.get().reportCode(), key.get())) {
            Stale.button(turn, texts);
            turn.say(texts.get("windows.tap.forged"));
            return;
        }
        String about = texts.get("communes.report-period", scope.get().report().name(), key.get().label());
        DateTimeFormatter at = DateTimeFormatter.ofPattern(texts.get("period.deadline-format"));
        Optional<ReportingPeriod> stored = periods.find(communeCode, scope.get().reportCode(), key.get());
        if (stored.isPresent() && stored.get().getDeadline() != null) {
            turn.say(texts.get("windows.tap.already", about, at.format(stored.get().getDeadline().atZone(clock.getZone()))));
            return;
        }
        if (!clock.instant().isBefore(window.get().deadline().toInstant())) {
            turn.say(texts.get("windows.tap.late", about, at.format(window.get().deadline())));
            return;
        }
        if (!proposals.claimOpening(communeCode, scope.get().reportCode(), key.get(), turn.member.getId())) {
            // Another tap (a colleague's, a double tap, another instance) opened it a moment ago, with the definition's deadline.
            turn.say(texts.get("windows.tap.already", about, at.format(window.get().deadline())));
            return;
        }
        OfficeDesk.Result<OfficeDesk.Opening> opened = desk.openPeriod(scope.get(), turn.member, key.get(), window.get().deadline());
        OfficeDesk.Opening opening = opened.outcome();
        if (opening.outcome() != OfficeDesk.Open.OPENED) {
            proposals.releaseOpening(communeCode, scope.get().reportCode(), key.get());
        }
        if (opening.outcome() == OfficeDesk.Open.ANOTHER_OPEN) {
            turn.say(texts.get("period.another-open", texts.get("communes.report-period", scope.get().report().name(),
                    opening.period().key().label())));
            return;
        }
        if (opening.outcome() != OfficeDesk.Open.OPENED) {
            turn.say(texts.get("windows.tap.late", about, at.format(window.get().deadline())));
            return;
        }
        turn.say(texts.get("windows.tap.opened", about, opening.deadline(), String.valueOf(window.get().cutOff().graceHours()),
                at.format(window.get().locksAt())));
        turn.out.addAll(opened.notices());
    }

    private static Optional<PeriodKey> parse(String text) {
        try {
            PeriodKey key = PeriodKey.parse(text);
            return key.key().equals(text) ? Optional.of(key) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
