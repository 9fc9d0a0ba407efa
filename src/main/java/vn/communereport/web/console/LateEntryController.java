package vn.communereport.web.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.answering.LockedEntry;
import vn.communereport.collection.LateEntries;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.LateEndParser;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.messaging.Texts;

/**
 * The office lets one department enter late, to the end of a day typed as in the chat ("25/6", "25/06/2026", "3 ngày"):
 * the use case of {@code /nhapmuon}, audited the same; a refusal says why on the period page and changes nothing.
 */
@Controller
class LateEntryController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConsolePages pages;
    private final ConsoleActions actions;
    private final LateEntryPanel panel;
    private final OfficeDesk desk;
    private final PeriodService periods;
    private final LockedEntry lockedEntry;
    private final Texts texts;
    private final Clock clock;

    LateEntryController(ConsolePages pages, ConsoleActions actions, LateEntryPanel panel, OfficeDesk desk, PeriodService periods,
                        LockedEntry lockedEntry, Texts texts, Clock clock) {
        this.pages = pages;
        this.actions = actions;
        this.panel = panel;
        this.desk = desk;
        this.periods = periods;
        this.lockedEntry = lockedEntry;
        this.texts = texts;
        this.clock = clock;
    }

    @PostMapping("/app/office/period/late")
    ModelAndView grant(OfficeAdmin admin, @RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String until,
                       @RequestParam(name = FormOnce.FIELD, required = false) String once, Model model) {
        if (admin.scope().flowOf(department).isEmpty() || admin.scope().commune().department(department).isEmpty()) {
            throw ConsoleRefusal.notFound("console.error.department");
        }
        ReportingPeriod period = periods.currentPeriod(admin.scope());
        String about = texts.get("communes.report-period", admin.scope().report().name(), period.key().label());
        if (!period.isOpen()) {
            throw new ConsoleRefusal(HttpStatus.CONFLICT, "form-controls.console.not-open", about);
        }
        pages.once(admin, once);
        model.addAttribute("lateChosen", department); // a refused form comes back as it was typed
        model.addAttribute("lateTyped", until.strip());
        Optional<LocalDate> day = LateEndParser.parse(until, clock);
        if (day.isEmpty()) {
            return page(admin, model, texts.get("form-controls.console.day-invalid", until.strip()));
        }
        LateEntries.Grant grant = actions.grantLateEntry(admin, department, day.get())
                .orElseThrow(() -> ConsoleRefusal.notFound("console.error.department"));
        String name = admin.scope().department(department).name();
        int maxDays = admin.scope().report().cutOffRule().map(c -> c.maxLateDays()).orElse(0);
        return switch (grant.outcome()) {
            case GRANTED -> new ModelAndView("redirect:/app/office/period?done=late-granted");
            case NOT_LOCKING -> page(admin, model, texts.get("windows.late.not-locking", about));
            case SUBMITTED -> page(admin, model, texts.get("form-controls.console.submitted", name));
            case END_TOO_EARLY -> page(admin, model, texts.get("form-controls.console.too-early", DAY.format(day.get()),
                    lockedEntry.at(grant.locksAt())));
            case END_TOO_LATE -> page(admin, model, texts.get("form-controls.console.too-late", DAY.format(day.get()),
                    DAY.format(grant.latest()), String.valueOf(maxDays), lockedEntry.at(grant.locksAt())));
        };
    }

    /** The period page again, with the refusal above the late-entry form (its other forms as the period page has them). */
    private ModelAndView page(OfficeAdmin admin, Model model, String error) {
        ReportingPeriod period = pages.page(model, admin, "period", null, null);
        model.addAttribute("openable", desk.openable(admin.scope()));
        model.addAttribute("currentKey", period.key().key());
        panel.addTo(model, admin.scope(), period, error);
        ModelAndView page = new ModelAndView("console/period", model.asMap());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
