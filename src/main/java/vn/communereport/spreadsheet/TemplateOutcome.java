package vn.communereport.spreadsheet;

/** The department's template, or why there is none for this person now (a Vietnamese sentence). */
public record TemplateOutcome(SheetFile file, String refusal) {

    static TemplateOutcome ready(SheetFile file) {
        return new TemplateOutcome(file, null);
    }

    static TemplateOutcome refused(String refusal) {
        return new TemplateOutcome(null, refusal);
    }

    public boolean ready() {
        return file != null;
    }
}
