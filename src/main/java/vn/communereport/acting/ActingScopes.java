package vn.communereport.acting;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodService;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;

/**
 * Which commune and report a member acts in, for every channel alike: the commune is the membership's; the report is
 * the only one they can answer, the one they chose, or the only one open. When several are open and they chose none
 * of them, nothing is picked for them: they are asked ({@link Resolution#choices()}).
 */
@Service
public class ActingScopes {

    private final ReportScopes scopes;
    private final PeriodService periods;
    private final AccessService access;

    ActingScopes(ReportScopes scopes, PeriodService periods, AccessService access) {
        this.scopes = scopes;
        this.periods = periods;
        this.access = access;
    }

    /** The member's scope, or the reports to choose from when it is theirs to choose. */
    public record Resolution(Optional<ReportScope> scope, List<ReportScope> choices) {

        static Resolution of(ReportScope scope) {
            return new Resolution(Optional.of(scope), List.of());
        }

        public boolean mustChoose() {
            return scope.isEmpty() && !choices.isEmpty();
        }
    }

    @Transactional
    public Resolution resolve(Member member) {
        List<ReportScope> candidates = candidates(member);
        if (candidates.isEmpty()) {
            // A department that answers none of the commune's reports still sees where it stands (no part to answer).
            return scopes.owedBy(member.getCommuneCode()).stream().findFirst().map(Resolution::of)
                    .orElse(new Resolution(Optional.empty(), List.of()));
        }
        if (candidates.size() == 1) {
            return Resolution.of(candidates.get(0));
        }
        Optional<ReportScope> chosen = candidates.stream().filter(s -> s.reportCode().equals(member.getReportCode())).findFirst();
        // The office keeps the report it chose even while that report has no open period: it is there to open one.
        if (chosen.isPresent() && (member.isOfficeAdmin() || isOpen(chosen.get()))) {
            return Resolution.of(chosen.get());
        }
        List<ReportScope> open = candidates.stream().filter(this::isOpen).toList();
        if (open.size() == 1) {
            return Resolution.of(open.get(0));
        }
        if (open.isEmpty()) {
            return Resolution.of(chosen.orElse(candidates.get(0)));
        }
        return new Resolution(Optional.empty(), open);
    }

    /** The member's scope when there is no asking them (a web page, a file): empty when it is theirs to choose. */
    @Transactional
    public Optional<ReportScope> scopeOf(Member member) {
        return resolve(member).scope();
    }

    /**
     * The reports a member may pick from: every report of the commune for the office, else those their department
     * answers that are open (all of them when none is).
     */
    @Transactional
    public List<ReportScope> choices(Member member) {
        List<ReportScope> candidates = candidates(member);
        if (member.isOfficeAdmin()) {
            return candidates;
        }
        List<ReportScope> open = candidates.stream().filter(this::isOpen).toList();
        return open.isEmpty() ? candidates : open;
    }

    /** The member acts in this report from now on; false, changing nothing, when it is not one of their choices. */
    @Transactional
    public Optional<ReportScope> choose(Member member, String reportCode) {
        Optional<ReportScope> choice = choices(member).stream().filter(s -> s.reportCode().equals(reportCode)).findFirst();
        choice.ifPresent(s -> access.chooseReport(member.getId(), s.reportCode()));
        return choice;
    }

    /** Whether answers can go to the report now: it has an open period, or one that opens by itself as someone starts. */
    @Transactional
    public boolean isOpen(ReportScope scope) {
        if (scope.report().opensItself()) {
            return periods.currentPeriod(scope).isOpen();
        }
        return !periods.openPeriods(scope.communeCode(), scope.report()).isEmpty();
    }

    /** Every report of the commune for an office administrator; else those the member's department answers. */
    private List<ReportScope> candidates(Member member) {
        List<ReportScope> owed = scopes.owedBy(member.getCommuneCode());
        if (member.isOfficeAdmin()) {
            return owed;
        }
        return owed.stream().filter(s -> s.answeredBy(member.getDepartmentCode())).toList();
    }
}
