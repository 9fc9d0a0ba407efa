package vn.communereport.web.form;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The drafted first sentences of the form's narrative blocks: as they stand now, and the member's choice for one. */
@RestController
class FormDraftController {

    private final FormAccess access;
    private final FormDrafts drafts;

    FormDraftController(FormAccess access, FormDrafts drafts) {
        this.access = access;
        this.drafts = drafts;
    }

    /** Asked again by the page whenever a figure was saved or a colleague's change came in, so the sentence follows the table. */
    @GetMapping(path = "/app/form/drafts", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, FormDrafts.View> drafts(HttpServletRequest request) {
        return drafts.of(access.part(request));
    }

    @PostMapping(path = "/app/form/sentence", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FormDrafts.Chosen> choose(HttpServletRequest request, @RequestBody FormDrafts.Choose choose) {
        FormDrafts.Chosen chosen = drafts.choose(access.part(request), choose);
        return ResponseEntity.status(drafts.status(chosen)).body(chosen);
    }
}
