package vn.communereport.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.messaging.Texts;

/** A refused console request gets a short Vietnamese page with its status, and a way back to the progress grid. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    private final Texts texts;

    ConsoleErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ConsoleRefusal.class)
    ModelAndView refused(ConsoleRefusal refusal) {
        if (refusal.choiceFirst()) {
            // nothing was done; the office picks the report, then goes on
            return new ModelAndView("redirect:/app/office/report-choice");
        }
        return page(refusal.status(), texts.get(refusal.messageKey(), refusal.args()));
    }

    /** A form or address that is not one of the console's own (a field missing, an id that is not a number). */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView malformed(Exception e) {
        return page(HttpStatus.BAD_REQUEST, texts.get("console.error.malformed"));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }
}
