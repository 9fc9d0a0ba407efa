package vn.communereport.web.console;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.communereport.access.Member;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ApprovalDesk;
import vn.communereport.definition.Flow;
import vn.communereport.messaging.Outbox;

/**
 * The office approves or returns a part waiting for approval when its department has no head any more (or it is the
 * head's own part): the chat's own use case ({@link ApprovalDesk}), its messages written to the outbox in the same
 * transaction. While the department has a head the use case refuses, and so does this page.
 */
@Controller
@RequestMapping("/app/office/departments/{code}")
class OfficeApprovalController {

    private final ConsolePages pages;
    private final ApprovalDesk desk;
    private final Outbox outbox;

    OfficeApprovalController(ConsolePages pages, ApprovalDesk desk, Outbox outbox) {
        this.pages = pages;
        this.desk = desk;
        this.outbox = outbox;
    }

    @PostMapping("/approve")
    @Transactional
    public String approve(OfficeAdmin admin, @PathVariable String code, @RequestParam long submission, @RequestParam long version,
                          @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        department(admin, code);
        pages.once(admin, once);
        return done(code, desk.approve(admin.member(), submission, version), "approved");
    }

    @PostMapping("/return")
    @Transactional
    public String giveBack(OfficeAdmin admin, @PathVariable String code, @RequestParam long submission, @RequestParam long version,
                           @RequestParam(defaultValue = "") String comment,
                           @RequestParam(name = FormOnce.FIELD, required = false) String once) {
        department(admin, code);
        pages.once(admin, once);
        return done(code, desk.giveBack(admin.member(), submission, version, comment), "returned");
    }

    /** What the department page shows about a waiting part: who decides, and the office's forms when it does. */
    static void describe(Model model, ApprovalDesk desk, OfficeAdmin admin, ReportingPeriod period, Flow flow) {
        Optional<ApprovalDesk.Waiting> waiting = desk.waiting(admin.member(), admin.scope(), period, flow);
        model.addAttribute("officeDecides", waiting.orElse(null));
        model.addAttribute("headDecides", desk.headOf(admin.scope(), flow.departmentCode()).map(Member::getDisplayName).orElse(null));
    }

    private String done(String code, ApprovalDesk.Decision decision, String outcome) {
        if (!decision.taken()) {
            // nothing changed: the reason, in the chat's words, with its status
            HttpStatus status = decision.outcome() == ApprovalDesk.Outcome.COMMENT_INVALID ? HttpStatus.BAD_REQUEST
                    : decision.outcome() == ApprovalDesk.Outcome.NOT_YOURS || decision.outcome() == ApprovalDesk.Outcome.HEAD_DECIDES
                    ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
            throw new ConsoleRefusal(status, "approvalweb.said", decision.said());
        }
        outbox.enqueue(decision.notices());
        return "redirect:/app/office/departments/" + code + "?done=" + outcome;
    }

    private static void department(OfficeAdmin admin, String code) {
        if (admin.scope().commune().department(code).isEmpty() || admin.scope().flowOf(code).isEmpty()) {
            throw ConsoleRefusal.notFound("console.error.department");
        }
    }
}
