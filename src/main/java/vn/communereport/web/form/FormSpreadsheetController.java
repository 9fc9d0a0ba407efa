package vn.communereport.web.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.communereport.spreadsheet.ImportResult;
import vn.communereport.spreadsheet.PartSpreadsheets;
import vn.communereport.spreadsheet.SheetFile;
import vn.communereport.spreadsheet.TemplateOutcome;
import vn.communereport.web.WebPrincipal;

/**
 * The spreadsheet round trip on the web: the department's template to download, the filled file's upload with its
 * row-by-row result, and the confirmation of the rows with warnings. The service decides everything; this only
 * carries the file in and the result out. A repeated POST stores nothing twice: an unchanged row is not stored again
 * and a confirmation reference is spent on first use.
 */
@Controller
class FormSpreadsheetController {

    private final FormAccess access;
    private final PartSpreadsheets sheets;

    FormSpreadsheetController(FormAccess access, PartSpreadsheets sheets) {
        this.access = access;
        this.sheets = sheets;
    }

    @GetMapping("/app/form/template.xlsx")
    ResponseEntity<byte[]> template(HttpServletRequest request, WebPrincipal principal) {
        access.part(request); // a stranger or a revoked member gets the form's own refusal
        TemplateOutcome outcome = sheets.template(principal.memberId());
        if (!outcome.ready()) {
            throw new FormRefusal(HttpStatus.CONFLICT, "form.sheet.reason", outcome.refusal());
        }
        SheetFile file = outcome.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SheetFile.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store") // it holds the values stored at this moment
                .body(file.content());
    }

    /** No file part or an empty one is handed on as an empty file: the service says why it takes none. */
    @PostMapping("/app/form/upload")
    String upload(HttpServletRequest request, WebPrincipal principal,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        access.part(request);
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return result(sheets.importFile(principal.memberId(), name, bytes, false), principal, model);
    }

    @PostMapping("/app/form/upload/confirm")
    String confirm(HttpServletRequest request, WebPrincipal principal,
                   @RequestParam(name = "reference", required = false) String reference,
                   @RequestParam(name = "reason", required = false) String reason, Model model) {
        access.part(request);
        return result(sheets.confirm(principal.memberId(), reference, reason), principal, model);
    }

    private static String result(ImportResult result, WebPrincipal principal, Model model) {
        model.addAttribute("upload", UploadView.of(result));
        model.addAttribute("csrf", principal.csrfToken());
        return "form/upload";
    }
}
