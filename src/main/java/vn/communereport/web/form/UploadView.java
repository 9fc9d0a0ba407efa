package vn.communereport.web.form;

import java.util.ArrayList;
import java.util.List;

import vn.communereport.spreadsheet.ImportResult;
import vn.communereport.spreadsheet.RowResult;
import vn.communereport.spreadsheet.RowResult.Status;

/**
 * An import's result as the upload page shows it: the whole-file refusal, or the rows grouped by what became of them,
 * in the order a person acts on them (to fix, to confirm, colleagues' changes, then what went in).
 */
record UploadView(String fileName, String refusal, List<Group> groups, String confirmation, long stored, long unchanged,
                  long refused, long toConfirm, long changed) {

    /** Rows of one status; {@code key} names the heading's message and the CSS class. */
    record Group(String key, List<RowResult> rows) {
    }

    private static final List<Status> ORDER = List.of(Status.REFUSED, Status.NEEDS_CONFIRMATION, Status.CHANGED_MEANWHILE,
            Status.STORED, Status.UNCHANGED);

    static UploadView of(ImportResult result) {
        List<Group> groups = new ArrayList<>();
        for (Status status : ORDER) {
            List<RowResult> rows = result.rows(status);
            if (!rows.isEmpty()) {
                groups.add(new Group(key(status), rows));
            }
        }
        return new UploadView(result.fileName(), result.refusal(), groups, result.confirmation(), result.count(Status.STORED),
                result.count(Status.UNCHANGED), result.count(Status.REFUSED), result.count(Status.NEEDS_CONFIRMATION),
                result.count(Status.CHANGED_MEANWHILE));
    }

    private static String key(Status status) {
        if (status == Status.STORED) {
            return "stored";
        }
        if (status == Status.UNCHANGED) {
            return "unchanged";
        }
        if (status == Status.REFUSED) {
            return "refused";
        }
        if (status == Status.NEEDS_CONFIRMATION) {
            return "confirm";
        }
        return "changed";
    }
}
