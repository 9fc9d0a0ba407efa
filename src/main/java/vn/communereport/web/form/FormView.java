package vn.communereport.web.form;

import java.util.List;

/** The whole form page: the part's heading, its sections in the flow's order, progress and whether it is locked. */
record FormView(String department, String period, String deadline, long periodId, String csrf, List<Section> sections,
                int done, int total, String locked) {

    /** A run of questions under one heading of the report (a part of the statistics table, or a part of the narrative). */
    record Section(String title, List<Field> fields) {
    }

    /**
     * One question: {@code kind} is how it is typed (number, text, area, choice); {@code value} what the field holds, {@code shown} how it reads,
     * {@code version} the stored answer's (null when none); {@code rates} the computed rows shown after it.
     */
    record Field(String id, String code, String label, String unit, String help, String hint, String kind, boolean optional,
                 List<Option> options, String value, String shown, Long version, boolean skipped, String status,
                 String previousShown, String previousValue, List<Rate> rates) {
    }

    record Option(String input, String label) {
    }

    /** A computed rate: its row, label and value as the report writes it ("" while a part is missing). */
    record Rate(String code, String label, String unit, String value) {
    }
}
