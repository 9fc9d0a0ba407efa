package vn.communereport.spreadsheet;

import java.util.List;

/**
 * What an import did. Either the file was refused whole ({@code refusal}, a Vietnamese sentence, and nothing was
 * stored), or each filled row has its {@link RowResult}; {@code text} is the whole answer in Vietnamese, rows
 * grouped by what became of them. {@code confirmation} is the reference to confirm the rows with warnings
 * ({@link PartSpreadsheets#confirm}), or null when none waits.
 */
public record ImportResult(String fileName, String refusal, List<RowResult> rows, String confirmation, String text) {

    public ImportResult {
        rows = List.copyOf(rows);
    }

    public boolean refused() {
        return refusal != null;
    }

    public long count(RowResult.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    public List<RowResult> rows(RowResult.Status status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }
}
