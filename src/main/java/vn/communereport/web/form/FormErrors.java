package vn.communereport.web.form;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import vn.communereport.messaging.Texts;

/**
 * A refused or malformed request to the form: the script gets JSON with the Vietnamese reason, a browser a page
 * that says it. Nothing was stored by then.
 */
@RestControllerAdvice(assignableTypes = {FormApiController.class, FormPageController.class, FormSpreadsheetController.class,
        FormDraftController.class})
class FormErrors {

    private final Texts texts;

    FormErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(FormRefusal.class)
    Object refused(FormRefusal refusal, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, refusal.status, texts.get(refusal.reasonKey, refusal.args));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    Object malformed(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.BAD_REQUEST, texts.get("form.error.malformed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object wrongType(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, texts.get("form.error.malformed"));
    }

    private Object answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message) {
        if (request.getRequestURI().startsWith("/app/form/answer") || request.getRequestURI().startsWith("/app/form/changes")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(FormJson.Saved.problem("error", message));
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("form/problem");
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }
}
