package vn.communereport.web.approval;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.messaging.Texts;

/** A refused or malformed approval request gets a short Vietnamese page with its status; nothing was changed. */
@ControllerAdvice(assignableTypes = ApprovalController.class)
class ApprovalErrors {

    private final Texts texts;

    ApprovalErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ApprovalRefusal.class)
    ModelAndView refused(ApprovalRefusal refusal) {
        return page(refusal.status, texts.get(refusal.reasonKey));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView malformed(Exception e) {
        return page(HttpStatus.BAD_REQUEST, texts.get("approvalweb.page.malformed"));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("approval/problem");
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }
}
