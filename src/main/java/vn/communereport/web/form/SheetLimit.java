package vn.communereport.web.form;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.communereport.spreadsheet.PartSpreadsheets;

/** The upload limit the form's spreadsheet section states, in whole megabytes, as the service enforces it. */
@ControllerAdvice(assignableTypes = FormPageController.class)
class SheetLimit {

    private final PartSpreadsheets sheets;

    SheetLimit(PartSpreadsheets sheets) {
        this.sheets = sheets;
    }

    @ModelAttribute("sheetMb")
    long sheetMb() {
        return Math.max(1, sheets.maxUploadBytes() / (1024 * 1024));
    }
}
