package vn.communereport.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code flows/} of a report, one file per department, and checks that every figure row and every
 * narrative block is filled by exactly one question.
 */
final class FlowReader {

    static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9-]{1,24}");

    private final Path reportDir;
    private final Collection<CommuneDefinition> communes;
    private final Map<String, TableRow> rows;
    private final Set<String> blockIds;

    FlowReader(Path reportDir, Collection<CommuneDefinition> communes, Map<String, TableRow> rows, Set<String> blockIds) {
        this.reportDir = reportDir;
        this.communes = communes;
        this.rows = rows;
        this.blockIds = blockIds;
    }

    Map<String, Flow> read() {
        Set<String> departmentCodes = new HashSet<>();
        communes.forEach(c -> c.departments().forEach(d -> departmentCodes.add(d.code())));
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, String> questionFile = new HashMap<>();
        Map<String, String> slotOwner = new HashMap<>();
        for (Path file : DefinitionLoader.yamlFiles(reportDir.resolve("flows"))) {
            YamlNode doc = new YamlNode(file, null, DefinitionLoader.parse(file));
            doc.allowOnly(Set.of("department", "intro", "questions"));
            String department = doc.text("department");
            if (!departmentCodes.contains(department)) {
                throw doc.error("definition.flow.unknown-department", department,
                        String.join(", ", departmentCodes.stream().sorted().toList()));
            }
            if (flows.containsKey(department)) {
                throw doc.error("definition.flow.duplicate-department", department);
            }
            List<Question> questions = new ArrayList<>();
            for (YamlNode q : doc.nodes("questions", "id")) {
                Question question = readQuestion(q, department);
                String otherFile = questionFile.putIfAbsent(question.id(), file.getFileName().toString());
                if (otherFile != null) {
                    throw q.error("definition.question.duplicate-id", question.id(), otherFile);
                }
                String owner = slotOwner.putIfAbsent(question.fills().toString(), question.id() + " (" + file.getFileName() + ")");
                if (owner != null) {
                    throw q.error("definition.question.slot-taken", question.fills().toString(), owner);
                }
                questions.add(question);
            }
            if (questions.isEmpty()) {
                throw doc.error("definition.flow.empty");
            }
            flows.put(department, new Flow(department, doc.optionalText("intro"), List.copyOf(questions)));
        }
        checkEverySlotFilled(flows);
        return flows;
    }

    private Question readQuestion(YamlNode q, String department) {
        q.allowOnly(Set.of("id", "fills", "type", "prompt", "unit", "optional", "help", "keep_previous"));
        String id = q.text("id");
        if (!QUESTION_ID.matcher(id).matches()) {
            throw q.error("definition.question.id-format", id);
        }
        String typeText = q.text("type");
        QuestionType type = QuestionType.fromYaml(typeText)
                .orElseThrow(() -> q.error("definition.question.type", typeText, QuestionType.yamlNames()));
        Slot slot = Slot.parse(q.text("fills"));
        if (slot == null || slot.ref().isEmpty()) {
            throw q.error("definition.question.fills-format", q.text("fills"));
        }
        String unit = q.optionalText("unit");
        if (slot.kind() == Slot.Kind.TABLE_ROW) {
            TableRow row = rows.get(slot.ref());
            if (row == null) {
                throw q.error("definition.question.no-row", slot.toString(), slot.ref());
            }
            if (row.kind() != TableRow.Kind.FIGURE) {
                throw q.error("definition.question.not-a-figure", slot.toString(), slot.ref(),
                        DefinitionTexts.get("definition.row-kind." + row.kind().name().toLowerCase(java.util.Locale.ROOT)));
            }
            if (!type.mayFill(slot.kind())) {
                throw q.error("definition.question.type-cannot-fill-row", typeText, slot.toString());
            }
            if (unit == null) {
                unit = row.unit();
            }
        } else {
            if (!blockIds.contains(slot.ref())) {
                throw q.error("definition.question.no-block", slot.toString(), slot.ref());
            }
            if (!type.mayFill(slot.kind())) {
                throw q.error("definition.question.type-cannot-fill-block", typeText, slot.toString());
            }
        }
        return new Question(id, department, slot, type, q.text("prompt"), unit, q.flag("optional"),
                q.optionalText("help"), q.flag("keep_previous"));
    }

    private void checkEverySlotFilled(Map<String, Flow> flows) {
        Set<String> filled = new HashSet<>();
        flows.values().forEach(f -> f.questions().forEach(q -> filled.add(q.fills().toString())));
        Path file = reportDir.resolve("report.yaml");
        for (TableRow row : rows.values()) {
            if (row.kind() == TableRow.Kind.FIGURE && !filled.contains(Slot.TABLE_PREFIX + row.code())) {
                throw DefinitionException.of(file, "table › rows[" + row.code() + "]", "definition.slot.row-unfilled", row.code());
            }
        }
        for (String block : blockIds.stream().sorted().toList()) {
            if (!filled.contains(Slot.BLOCK_PREFIX + block)) {
                throw DefinitionException.of(file, "sections › block " + block, "definition.slot.block-unfilled", block);
            }
        }
    }
}
