package vn.communereport.web.form;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.conversation.PartSubmission;
import vn.communereport.web.WebPrincipal;
import vn.communereport.web.approval.HeadAccess;

/** The form page, the review with its confirmation, and the submission. */
@Controller
class FormPageController {

    private final FormAccess access;
    private final FormPage page;
    private final FormSubmitting submitting;
    private final Clock clock;
    private final HeadAccess heads;
    private final FormDrafts drafts;
    private final FormLateEntry lateEntry;

    FormPageController(FormAccess access, FormPage page, FormSubmitting submitting, Clock clock, HeadAccess heads,
                       FormDrafts drafts, FormLateEntry lateEntry) {
        this.heads = heads;
        this.drafts = drafts;
        this.lateEntry = lateEntry;
        this.access = access;
        this.page = page;
        this.submitting = submitting;
        this.clock = clock;
    }

    @GetMapping("/app/form")
    String form(HttpServletRequest request, Model model) {
        FormPart part = access.part(request);
        model.addAttribute("form", page.view(part, csrf(request)));
        model.addAttribute("drafts", drafts.of(part)); // the drafted first sentences, above their blocks
        model.addAttribute("lateUntil", lateEntry.note(part).orElse(null));
        model.addAttribute("now", clock.millis()); // the script's first look for colleagues' changes starts here
        model.addAttribute("headApproval", heads.isHead(request)); // a head's way to the parts waiting for them
        return "form/form";
    }

    @GetMapping("/app/form/review")
    String review(HttpServletRequest request, @RequestParam(name = "r", required = false) String result, Model model) {
        model.addAttribute("form", page.view(access.part(request), csrf(request)));
        model.addAttribute("headApproval", heads.isHead(request));
        model.addAttribute("result", result == null ? null : switch (result) {
            case "submitted" -> "form.submit.done";
            case "incomplete" -> "form.submit.incomplete";
            case "not-submitted" -> "form.submit.not-submitted";
            default -> null;
        });
        return "form/review";
    }

    /** The confirmation page's button; a period that changed since the page was shown is refused, as a stale button is. */
    @PostMapping("/app/form/submit")
    String submit(HttpServletRequest request, @RequestParam(name = "period", required = false) Long periodId) {
        FormPart part = access.part(request);
        if (periodId == null) {
            throw new FormRefusal(HttpStatus.BAD_REQUEST, "form.error.malformed");
        }
        if (periodId != part.period().getId()) {
            throw new FormRefusal(HttpStatus.CONFLICT, "form.error.other-period", part.period().key().label());
        }
        PartSubmission.Result result = submitting.submit(part);
        String outcome = switch (result.kind()) {
            case SUBMITTED -> "submitted";
            case INCOMPLETE -> "incomplete";
            case NOT_SUBMITTED -> "not-submitted";
        };
        return "redirect:/app/form/review?r=" + outcome;
    }

    private static String csrf(HttpServletRequest request) {
        Object principal = request.getAttribute(WebPrincipal.ATTRIBUTE);
        return principal instanceof WebPrincipal p ? p.csrfToken() : "";
    }
}
