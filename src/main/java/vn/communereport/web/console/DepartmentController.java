package vn.communereport.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ApprovalDesk;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.definition.Flow;
import vn.communereport.report.ReportCompiler;

/** One department's part: each answer with its history, the rule findings on its figures, and reopening it. */
@Controller
@RequestMapping("/app/office/departments/{code}")
class DepartmentController {

    private final ConsolePages pages;
    private final ConsoleViews views;
    private final CollectionService collection;
    private final ReportCompiler reports;
    private final ConsoleActions actions;
    private final ApprovalDesk approvals;

    DepartmentController(ConsolePages pages, ConsoleViews views, CollectionService collection, ReportCompiler reports,
                         ConsoleActions actions, ApprovalDesk approvals) {
        this.approvals = approvals;
        this.pages = pages;
        this.views = views;
        this.collection = collection;
        this.reports = reports;
        this.actions = actions;
    }

    @GetMapping
    ModelAndView department(OfficeAdmin admin, @PathVariable String code, Model model, @RequestParam(required = false) String done) {
        return page(admin, flow(admin, code), model, done, null, HttpStatus.OK);
    }

    @PostMapping("/reopen")
    ModelAndView reopen(OfficeAdmin admin, @PathVariable String code, @RequestParam(defaultValue = "") String comment,
                        @RequestParam(name = FormOnce.FIELD, required = false) String once, Model model) {
        Flow flow = flow(admin, code);
        pages.once(admin, once);
        OfficeDesk.Reopen outcome = actions.reopen(admin, flow.departmentCode(), comment.strip());
        return switch (outcome) {
            case REOPENED -> new ModelAndView("redirect:/app/office/departments/" + flow.departmentCode() + "?done=reopened");
            case COMMENT_INVALID -> {
                model.addAttribute("comment", comment);
                yield page(admin, flow, model, null, "console.reopen.comment-invalid", HttpStatus.BAD_REQUEST);
            }
            case NOT_SUBMITTED -> throw new ConsoleRefusal(HttpStatus.CONFLICT, "console.error.not-submitted");
            case UNKNOWN_DEPARTMENT -> throw ConsoleRefusal.notFound("console.error.department");
        };
    }

    /** The flow of a department of the admin's own commune; any other code (another commune's too) is not found. */
    private static Flow flow(OfficeAdmin admin, String code) {
        if (admin.scope().commune().department(code).isEmpty()) {
            throw ConsoleRefusal.notFound("console.error.department");
        }
        return admin.scope().flowOf(code).orElseThrow(() -> ConsoleRefusal.notFound("console.error.department"));
    }

    private ModelAndView page(OfficeAdmin admin, Flow flow, Model model, String done, String error, HttpStatus status) {
        ReportingPeriod period = pages.page(model, admin, "progress", done, null);
        String code = flow.departmentCode();
        model.addAttribute("code", code);
        model.addAttribute("departmentName", admin.scope().department(code).name());
        model.addAttribute("row", views.grid(admin.scope(), period).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow());
        model.addAttribute("figures", views.figures(period, flow));
        model.addAttribute("findings", views.checks(reports.checksInvolving(period, code)));
        model.addAttribute("submittedNow", collection.isSubmitted(period.getId(), code));
        model.addAttribute("maxComment", OfficeDesk.MAX_COMMENT);
        model.addAttribute("error", error);
        OfficeApprovalController.describe(model, approvals, admin, period, flow); // a part waiting for approval
        ModelAndView page = new ModelAndView("console/department", model.asMap());
        page.setStatus(status);
        return page;
    }
}
