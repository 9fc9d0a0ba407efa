package vn.communereport.web.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.OfficeDesk;

/** Opening a reporting period with its deadline (or moving the deadline), and closing it. */
@Controller
@RequestMapping("/app/office/period")
class PeriodController {

    /** As in the chat: a deadline given without a time is at the end of the working day. */
    private static final LocalTime DEFAULT_TIME = LocalTime.of(17, 0);

    private final ConsolePages pages;
    private final OfficeDesk desk;
    private final ConsoleActions actions;
    private final PeriodService periods;
    private final Clock clock;
    private final LateEntryPanel lateEntry;

    PeriodController(ConsolePages pages, OfficeDesk desk, ConsoleActions actions, PeriodService periods, Clock clock,
                     LateEntryPanel lateEntry) {
        this.lateEntry = lateEntry;
        this.pages = pages;
        this.desk = desk;
        this.actions = actions;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView period(OfficeAdmin admin, Model model, @RequestParam(required = false) String done) {
        return page(admin, model, done, null, HttpStatus.OK);
    }

    @PostMapping("/open")
    ModelAndView open(OfficeAdmin admin, @RequestParam String period, @RequestParam(defaultValue = "") String date,
                      @RequestParam(defaultValue = "") String time, @RequestParam(name = FormOnce.FIELD, required = false) String once,
                      Model model) {
        Optional<PeriodKey> key = desk.openable(admin.scope()).stream().filter(k -> k.key().equals(period)).findFirst();
        if (key.isEmpty()) {
            throw new ConsoleRefusal(HttpStatus.BAD_REQUEST, "console.error.period");
        }
        Optional<ZonedDateTime> deadline = deadline(date, time);
        if (deadline.isEmpty()) {
            return page(admin, model, null, "period.deadline-invalid", HttpStatus.BAD_REQUEST);
        }
        ReportingPeriod current = periods.currentPeriod(admin.scope());
        if (current.isOpen() && current.key().equals(key.get()) && deadline.get().toInstant().equals(current.getDeadline())) {
            // Sent again (or unchanged): the members were told once already.
            throw new ConsoleRefusal(HttpStatus.CONFLICT, "console.error.already-open", key.get().label());
        }
        pages.once(admin, once);
        OfficeDesk.Opening opening = actions.openPeriod(admin, key.get(), deadline.get());
        return switch (opening.outcome()) {
            case OPENED -> new ModelAndView("redirect:/app/office/period?done=opened");
            case DEADLINE_PAST -> page(admin, model, null, "period.deadline-past", HttpStatus.BAD_REQUEST);
            case ANOTHER_OPEN -> throw new ConsoleRefusal(HttpStatus.CONFLICT, "console.error.another-open",
                    opening.period().key().label());
            case WRONG_PERIOD -> throw new ConsoleRefusal(HttpStatus.BAD_REQUEST, "console.error.period");
        };
    }

    @PostMapping("/close")
    String close(OfficeAdmin admin, @RequestParam long periodId, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        pages.once(admin, once);
        if (!actions.closePeriod(admin, periodId)) {
            throw new ConsoleRefusal(HttpStatus.CONFLICT, "console.error.not-open");
        }
        return "redirect:/app/office/period?done=closed";
    }

    private Optional<ZonedDateTime> deadline(String date, String time) {
        try {
            LocalDate day = LocalDate.parse(date.strip());
            LocalTime at = time.isBlank() ? DEFAULT_TIME : LocalTime.parse(time.strip());
            return Optional.of(ZonedDateTime.of(day, at, clock.getZone()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private ModelAndView page(OfficeAdmin admin, Model model, String done, String error, HttpStatus status) {
        ReportingPeriod current = pages.page(model, admin, "period", done, null);
        lateEntry.addTo(model, admin.scope(), current, null);
        model.addAttribute("openable", desk.openable(admin.scope()));
        model.addAttribute("currentKey", periods.currentPeriod(admin.scope()).key().key());
        model.addAttribute("error", error);
        ModelAndView page = new ModelAndView("console/period", model.asMap());
        page.setStatus(status);
        return page;
    }
}
