package vn.communereport.web.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.collection.Timeliness;
import vn.communereport.reminder.ReminderService;

/** The office's first page: every department's progress in the current period, and reminders for those who owe. */
@Controller
@RequestMapping("/app/office")
class ProgressController {

    private static final String ALL = "all";

    private final ConsolePages pages;
    private final ConsoleViews views;
    private final PeriodService periods;
    private final ReminderService reminders;
    private final Timeliness timeliness;

    ProgressController(ConsolePages pages, ConsoleViews views, PeriodService periods, ReminderService reminders,
                       Timeliness timeliness) {
        this.timeliness = timeliness;
        this.pages = pages;
        this.views = views;
        this.periods = periods;
        this.reminders = reminders;
    }

    @GetMapping
    String progress(OfficeAdmin admin, Model model, @RequestParam(required = false) String done,
                    @RequestParam(required = false) Integer n) {
        ReportingPeriod period = pages.page(model, admin, "progress", done, n);
        List<ConsoleViews.GridRow> rows = views.grid(admin.scope(), period);
        model.addAttribute("rows", rows);
        model.addAttribute("submitted", rows.stream().filter(r -> !r.owing()).count());
        model.addAttribute("owing", rows.stream().anyMatch(ConsoleViews.GridRow::owing));
        model.addAttribute("onTime", timeliness.lastPeriods(admin.scope().communeCode(), admin.scope().report().code(),
                admin.scope().owingDepartments(), Timeliness.LAST_PERIODS));
        return "console/progress";
    }

    /** Reminds one department that still owes its part, or all of them ({@code all}), now. */
    @PostMapping("/remind")
    String remind(OfficeAdmin admin, @RequestParam String department, @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        List<String> departments = ALL.equals(department) ? admin.scope().owingDepartments()
                : admin.scope().flowOf(department).filter(f -> admin.scope().commune().department(department).isPresent())
                        .map(f -> List.of(f.departmentCode())).orElseThrow(() -> ConsoleRefusal.notFound("console.error.department"));
        pages.once(admin, once);
        int queued = reminders.remindNow(periods.currentPeriod(admin.scope()), departments);
        return queued == 0 ? "redirect:/app/office?done=nobody" : "redirect:/app/office?done=reminded&n=" + queued;
    }
}
