package vn.communereport.definition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code reports/<code>/} folder: {@code report.yaml} (outline, table, reminders) here, its rules with
 * {@link RuleReader} and its flows with {@link FlowReader}.
 */
final class ReportReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    static final Set<String> TEMPLATE_NAMES = Set.of("ky", "ky_sau", "KY", "KY_SAU", "nam", "xa", "co_quan");

    private final Path dir;
    private final Collection<CommuneDefinition> communes;

    ReportReader(Path dir, Collection<CommuneDefinition> communes) {
        this.dir = dir;
        this.communes = communes;
    }

    private static final Set<String> OWN_FIELDS = Set.of("code", "name", "frequency", "title", "opening", "closing",
            "reminders", "opens", "cut_off", "approval");
    private static final Set<String> STRUCTURE_FIELDS = Set.of("sections", "table", "rules", "outliers");

    private YamlNode doc;

    /** The report.yaml of the folder, read once. */
    private YamlNode doc() {
        if (doc == null) {
            Path file = dir.resolve("report.yaml");
            if (!Files.isRegularFile(file)) {
                throw DefinitionException.of(file, null, "definition.report.missing-file");
            }
            doc = new YamlNode(file, null, DefinitionLoader.parse(file));
        }
        return doc;
    }

    /** The code of the report whose structure and flows this one shares ({@code shares:}), or null. */
    String shares() {
        return doc().optionalText("shares");
    }

    /**
     * A report that shares another's outline, table, rules and flows: only its own code, name, frequency, texts,
     * reminders and how it opens are in its file, and it has no flows of its own (one copy for the clerk to keep).
     */
    ReportDefinition readSharing(ReportDefinition base) {
        YamlNode doc = doc();
        Set<String> allowed = new HashSet<>(OWN_FIELDS);
        allowed.add("shares");
        for (String field : STRUCTURE_FIELDS) {
            if (doc.has(field)) {
                throw doc.error("definition.report.shared-field", field, base.code());
            }
        }
        doc.allowOnly(allowed);
        if (Files.isDirectory(dir.resolve("flows"))) {
            throw DefinitionException.of(dir.resolve("flows"), null, "definition.report.shared-flows", base.code());
        }
        String code = code(doc);
        Frequency frequency = frequency(doc);
        checkTemplate(doc, "title", doc.text("title"), Map.of());
        checkTemplate(doc, "opening", doc.text("opening"), Map.of());
        checkTemplate(doc, "closing", doc.text("closing"), Map.of());
        return base.sharing(code, doc.text("name"), frequency, doc.text("title"), doc.text("opening"), doc.text("closing"),
                doc.has("reminders") ? readReminders(doc.node("reminders")) : ReminderPolicy.defaults(), opensItself(doc),
                ApprovalPolicyReader.read(doc))
                .withCutOff(CutOffReader.read(doc, frequency));
    }

    private static String code(YamlNode doc) {
        String code = doc.text("code");
        if (!DefinitionLoader.CODE.matcher(code).matches()) {
            throw doc.error("definition.code.format", code);
        }
        return code;
    }

    private static Frequency frequency(YamlNode doc) {
        Frequency frequency = Frequency.fromYaml(doc.text("frequency"));
        if (frequency == null) {
            throw doc.error("definition.report.frequency", doc.text("frequency"));
        }
        return frequency;
    }

    /** {@code opens: by-itself} (the default: the period containing today opens when someone starts) or {@code by-office}. */
    private static boolean opensItself(YamlNode doc) {
        String opens = doc.optionalText("opens");
        if (opens == null || opens.equals("by-itself")) {
            return true;
        }
        if (opens.equals("by-office")) {
            return false;
        }
        throw doc.error("definition.report.opens", opens);
    }

    ReportDefinition read() {
        YamlNode doc = doc();
        Path file = doc.file();
        Set<String> allowed = new HashSet<>(OWN_FIELDS);
        allowed.addAll(STRUCTURE_FIELDS);
        doc.allowOnly(allowed);
        String code = code(doc);
        Frequency frequency = frequency(doc);

        YamlNode table = doc.node("table");
        table.allowOnly(Set.of("title", "rows"));
        Map<String, TableRow> rows = new LinkedHashMap<>();
        for (YamlNode r : table.nodes("rows", "code")) {
            TableRow row = readRow(r);
            if (rows.put(row.code(), row) != null) {
                throw r.error("definition.row.duplicate", row.code());
            }
        }
        for (TableRow row : rows.values()) {
            if (row.compute() != null) {
                checkComputeOperand(file, row, row.compute().numerator(), rows);
                checkComputeOperand(file, row, row.compute().denominator(), rows);
            }
        }

        Set<String> blockIds = new HashSet<>();
        List<SectionNode> sections = readSections(doc, "sections", blockIds, rows);
        checkTemplate(doc, "title", doc.text("title"), Map.of());
        checkTemplate(doc, "opening", doc.text("opening"), Map.of());
        checkTemplate(doc, "closing", doc.text("closing"), Map.of());
        checkTemplate(table, "title", table.text("title"), Map.of());

        List<Rule> rules = RuleReader.read(doc, rows);
        Map<String, Flow> flows = new FlowReader(dir, communes, rows, blockIds).read();
        return new ReportDefinition(code, doc.text("name"), frequency, doc.text("title"), doc.text("opening"),
                doc.text("closing"), sections, table.text("title"), List.copyOf(rows.values()), rules, flows,
                doc.has("reminders") ? readReminders(doc.node("reminders")) : ReminderPolicy.defaults(), opensItself(doc), null,
                SentencePatternReader.read(doc, rows),
                CutOffReader.read(doc, frequency),
                ApprovalPolicyReader.read(doc),
                OutlierPolicyReader.read(doc, rows));
    }

    // ---------------------------------------------------------------- table

    private static TableRow readRow(YamlNode r) {
        r.allowOnly(Set.of("code", "stt", "label", "unit", "section", "group", "compute"));
        String code = r.text("code");
        String stt = r.text("stt");
        String label = r.text("label");
        String unit = r.optionalText("unit");
        boolean section = r.flag("section");
        boolean group = r.flag("group");
        boolean computed = r.has("compute");
        if ((section ? 1 : 0) + (group ? 1 : 0) + (computed ? 1 : 0) > 1) {
            throw r.error("definition.row.kinds");
        }
        if (section) {
            return new TableRow(code, stt, label, unit, TableRow.Kind.SECTION, null);
        }
        if (group) {
            return new TableRow(code, stt, label, unit, TableRow.Kind.GROUP, null);
        }
        if (!computed) {
            return new TableRow(code, stt, label, unit, TableRow.Kind.FIGURE, null);
        }
        YamlNode c = r.node("compute");
        c.allowOnly(Set.of("ratio", "decimals", "when_zero"));
        List<String> ratio = c.texts("ratio");
        if (ratio.size() != 2) {
            throw c.error("definition.compute.ratio-size");
        }
        int decimals = c.integer("decimals", 2);
        if (decimals < 0 || decimals > 6) {
            throw c.error("definition.compute.decimals");
        }
        String whenZeroText = c.optionalText("when_zero") == null ? "zero" : c.text("when_zero");
        Compute.WhenZero whenZero = Compute.WhenZero.fromYaml(whenZeroText);
        if (whenZero == null) {
            throw c.error("definition.compute.when-zero", whenZeroText);
        }
        return new TableRow(code, stt, label, unit, TableRow.Kind.COMPUTED, new Compute(ratio.get(0), ratio.get(1), decimals, whenZero));
    }

    private static void checkComputeOperand(Path file, TableRow row, String operand, Map<String, TableRow> rows) {
        TableRow target = rows.get(operand);
        String entry = "table › rows[" + row.code() + "] › compute";
        if (target == null) {
            throw DefinitionException.of(file, entry, "definition.compute.unknown-row", operand);
        }
        if (!target.carriesValue()) {
            throw DefinitionException.of(file, entry, "definition.compute.row-without-value", operand);
        }
    }

    // ---------------------------------------------------------------- narrative

    private static List<SectionNode> readSections(YamlNode parent, String field, Set<String> blockIds, Map<String, TableRow> rows) {
        List<SectionNode> nodes = new ArrayList<>();
        for (YamlNode s : parent.nodes(field, "number")) {
            s.allowOnly(Set.of("number", "title", "lead", "block", "children", "draft"));
            String block = s.optionalText("block");
            if (block != null && !blockIds.add(block)) {
                throw s.error("definition.section.duplicate-block", block);
            }
            String lead = s.optionalText("lead");
            if (lead != null) {
                checkTemplate(s, "lead", lead, rows);
            }
            checkTemplate(s, "title", s.text("title"), Map.of());
            List<SectionNode> children = readSections(s, "children", blockIds, rows);
            if (block == null && lead == null && children.isEmpty()) {
                throw s.error("definition.section.empty");
            }
            nodes.add(new SectionNode(s.text("number"), s.text("title"), lead, block, children));
        }
        return List.copyOf(nodes);
    }

    /** Every {placeholder} of a template is a known name or, where {@code rows} are given, a row with a value. */
    static void checkTemplate(YamlNode node, String field, String template, Map<String, TableRow> rows) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1).trim();
            if (TEMPLATE_NAMES.contains(name)) {
                continue;
            }
            TableRow row = rows.get(name);
            if (row == null) {
                throw node.error("definition.template.unknown", "{" + name + "}", field,
                        String.join(", ", TEMPLATE_NAMES.stream().sorted().toList()));
            }
            if (!row.carriesValue()) {
                throw node.error("definition.template.row-without-value", "{" + name + "}", field);
            }
        }
    }

    // ---------------------------------------------------------------- reminders

    private static ReminderPolicy readReminders(YamlNode r) {
        if (r.has("holidays")) {
            throw r.error("definition.reminders.holidays-moved");
        }
        r.allowOnly(Set.of("days_before", "on_deadline_day", "every_working_day_after", "morning", "working_hours",
                "working_days", "escalate"));
        ReminderPolicy defaults = ReminderPolicy.defaults();
        List<Integer> daysBefore = new ArrayList<>();
        for (String day : r.texts("days_before")) {
            if (!day.matches("\\d{1,2}")) {
                throw r.error("definition.reminders.days-before", day);
            }
            daysBefore.add(Integer.parseInt(day));
        }
        LocalTime morning = r.has("morning") ? time(r, "morning", r.text("morning")) : defaults.morning();
        LocalTime start = defaults.workStart();
        LocalTime end = defaults.workEnd();
        if (r.has("working_hours")) {
            String[] hours = r.text("working_hours").split("-");
            if (hours.length != 2) {
                throw r.error("definition.reminders.working-hours");
            }
            start = time(r, "working_hours", hours[0].trim());
            end = time(r, "working_hours", hours[1].trim());
        }
        Set<DayOfWeek> days = defaults.workingDays();
        if (r.has("working_days")) {
            days = new HashSet<>();
            for (String day : r.texts("working_days")) {
                try {
                    days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw r.error("definition.reminders.working-day", day);
                }
            }
        }
        return new ReminderPolicy(r.has("days_before") ? List.copyOf(daysBefore) : defaults.daysBefore(),
                r.has("on_deadline_day") ? r.flag("on_deadline_day") : defaults.onDeadlineDay(),
                r.has("every_working_day_after") ? r.flag("every_working_day_after") : defaults.everyWorkingDayAfter(),
                morning, start, end, Set.copyOf(days), Set.of());
    }

    private static LocalTime time(YamlNode r, String field, String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw r.error("definition.reminders.time", field, text);
        }
    }
}
