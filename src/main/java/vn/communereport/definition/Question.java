package vn.communereport.definition;

/** One question of a department's flow, as written in {@code flows/<department>.yaml}. */
public record Question(
        String id,
        String departmentCode,
        Slot fills,
        QuestionType type,
        String prompt,
        String unit,
        boolean optional,
        String help,
        boolean keepPrevious) {
}
