package vn.communereport.web.form;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The form's script: saves one field, and asks what colleagues changed since it last looked. */
@RestController
class FormApiController {

    /** A narrative's longest (60 000 characters) in UTF-8 with room for JSON escapes; anything larger is not a field. */
    static final long MAX_BODY = 256 * 1024;

    private final FormAccess access;
    private final FormSaving saving;
    private final Clock clock;

    FormApiController(FormAccess access, FormSaving saving, Clock clock) {
        this.access = access;
        this.saving = saving;
        this.clock = clock;
    }

    @PostMapping(path = "/app/form/answer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FormJson.Saved> answer(HttpServletRequest request, @RequestBody FormJson.Save save) {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new FormRefusal(HttpStatus.CONTENT_TOO_LARGE, "form.error.too-large");
        }
        FormSaving.Reply reply = saving.save(access.part(request), save);
        return ResponseEntity.status(reply.status()).body(reply.body());
    }

    @GetMapping(path = "/app/form/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    FormJson.Changes changes(HttpServletRequest request, @RequestParam(name = "since", defaultValue = "0") long since) {
        FormPart part = access.part(request);
        return saving.changes(part, Instant.ofEpochMilli(Math.max(0, since)), clock.instant());
    }
}
