package vn.communereport.web.approval;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.access.Member;
import vn.communereport.conversation.ApprovalDesk;
import vn.communereport.conversation.OfficeDesk;
import vn.communereport.web.WebPrincipal;

/**
 * The head's approval page: every part of their department waiting for them, each with the chat's whole summary, and
 * «Duyệt» or «Trả lại» with a comment. Each form names the submission and the version shown, so a second tab or a part
 * decided meanwhile is refused with the reason and the page as it is now.
 */
@Controller
@RequestMapping("/app/approval")
class ApprovalController {

    private final HeadAccess access;
    private final ApprovalDesk desk;
    private final WebApproval approval;

    ApprovalController(HeadAccess access, ApprovalDesk desk, WebApproval approval) {
        this.access = access;
        this.desk = desk;
        this.approval = approval;
    }

    @GetMapping
    ModelAndView page(HttpServletRequest request, @RequestParam(required = false) String done, Model model) {
        Member head = access.head(request);
        String notice = "approved".equals(done) ? "approvalweb.page.done-approved" : "returned".equals(done) ? "approvalweb.page.done-returned" : null;
        return page(request, head, model, notice, null, HttpStatus.OK);
    }

    @PostMapping("/{submission}/approve")
    ModelAndView approve(HttpServletRequest request, @PathVariable long submission, @RequestParam long version, Model model) {
        Member head = access.head(request);
        return answer(request, head, approval.approve(head, submission, version), model, "approved");
    }

    @PostMapping("/{submission}/return")
    ModelAndView giveBack(HttpServletRequest request, @PathVariable long submission, @RequestParam long version,
                          @RequestParam(defaultValue = "") String comment, Model model) {
        Member head = access.head(request);
        ApprovalDesk.Decision decision = approval.giveBack(head, submission, version, comment);
        if (decision.outcome() == ApprovalDesk.Outcome.COMMENT_INVALID) {
            model.addAttribute("commentFor", submission);
            model.addAttribute("comment", comment);
        }
        return answer(request, head, decision, model, "returned");
    }

    private ModelAndView answer(HttpServletRequest request, Member head, ApprovalDesk.Decision decision, Model model, String done) {
        if (decision.taken()) {
            return new ModelAndView("redirect:/app/approval?done=" + done);
        }
        HttpStatus status = switch (decision.outcome()) {
            case NOT_YOURS, HEAD_DECIDES -> HttpStatus.FORBIDDEN;
            case COMMENT_INVALID -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
        return page(request, head, model, null, decision.said(), status);
    }

    private ModelAndView page(HttpServletRequest request, Member head, Model model, String notice, String error, HttpStatus status) {
        model.addAttribute("parts", desk.waitingFor(head));
        model.addAttribute("csrf", ((WebPrincipal) request.getAttribute(WebPrincipal.ATTRIBUTE)).csrfToken());
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        model.addAttribute("maxComment", OfficeDesk.MAX_COMMENT);
        ModelAndView page = new ModelAndView("approval/approval", model.asMap());
        page.setStatus(status);
        return page;
    }
}
