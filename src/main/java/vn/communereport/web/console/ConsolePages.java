package vn.communereport.web.console;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.communereport.acting.ActingScopes;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.messaging.Texts;

/** What every console page carries (who, which report and period, the tokens its forms send back) and its notices. */
@Component
class ConsolePages {

    /** The outcomes a change redirects with ({@code ?done=...}), each worded by {@code console.done.<name>}. */
    private static final Set<String> NOTICES = Set.of("reopened", "reminded", "nobody", "opened", "closed", "invited", "withdrawn",
            "revoked", "report", "head-named", "head-removed", "approved", "returned",
            "late-granted");

    private final PeriodService periods;
    private final FormOnce once;
    private final ConsoleViews views;
    private final Texts texts;
    private final ActingScopes scopes;

    ConsolePages(PeriodService periods, FormOnce once, ConsoleViews views, Texts texts, ActingScopes scopes) {
        this.periods = periods;
        this.once = once;
        this.views = views;
        this.texts = texts;
        this.scopes = scopes;
    }

    /** The current period, with the page's common attributes put on the model; {@code section} marks the menu entry. */
    ReportingPeriod page(Model model, OfficeAdmin admin, String section, String done, Integer count) {
        ReportingPeriod period = periods.currentPeriod(admin.scope());
        model.addAttribute("section", section);
        model.addAttribute("csrf", admin.principal().csrfToken());
        model.addAttribute("once", once.issue(admin.member().getId()));
        String name = admin.member().getDisplayName();
        model.addAttribute("adminName", name == null || name.isBlank() ? texts.get("console.signed-in-unnamed") : name);
        model.addAttribute("communeName", admin.scope().commune().name());
        model.addAttribute("reportName", admin.scope().report().name());
        model.addAttribute("otherReports", scopes.choices(admin.member()).size() > 1);
        model.addAttribute("periodId", period.getId());
        model.addAttribute("periodLabel", period.key().label());
        model.addAttribute("periodOpen", period.isOpen());
        // A report the office opens shows its current period, not opened yet, as such, not as closed.
        model.addAttribute("periodNotOpened", !period.isOpen() && period.getDeadline() == null && !admin.scope().report().opensItself());
        model.addAttribute("deadline", views.when(period.getDeadline()));
        if (done != null && NOTICES.contains(done)) {
            model.addAttribute("notice", texts.get("console.done." + done, count == null ? 0 : count));
        }
        return period;
    }

    /** A form is acted on once: a repeat (or a token not given to this person) changes nothing and says so. */
    void once(OfficeAdmin admin, String token) {
        if (!once.consume(admin.member().getId(), token)) {
            throw new ConsoleRefusal(HttpStatus.CONFLICT, "console.error.repeated");
        }
    }
}
