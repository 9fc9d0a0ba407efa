package vn.communereport.definition;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the {@code conversations/} folder and checks it whole: a definition that loads is one the bot can
 * run, so every mistake a clerk can make is reported here, with file, entry and problem.
 */
final class DefinitionLoader {

    static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9-]{1,24}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,20}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Set<String> TEMPLATE_NAMES = Set.of("ky", "ky_sau", "KY", "KY_SAU", "nam", "xa", "co_quan");

    private final Path root;

    DefinitionLoader(Path root) {
        this.root = root;
    }

    Definitions load() {
        if (!Files.isDirectory(root)) {
            throw new DefinitionException(root, null, "the conversations folder does not exist");
        }
        Map<String, CommuneDefinition> communes = new TreeMap<>();
        for (Path file : yamlFiles(root.resolve("communes"))) {
            CommuneDefinition commune = readCommune(file);
            if (communes.put(commune.code(), commune) != null) {
                throw new DefinitionException(file, "code", "commune code '" + commune.code() + "' is used by another file");
            }
        }
        if (communes.isEmpty()) {
            throw new DefinitionException(root.resolve("communes"), null, "no commune file (communes/<code>.yaml) found");
        }
        Map<String, ReportDefinition> reports = new TreeMap<>();
        Path reportsDir = root.resolve("reports");
        List<Path> reportDirs = listDirs(reportsDir);
        for (Path dir : reportDirs) {
            ReportDefinition report = readReport(dir, communes.values());
            if (reports.put(report.code(), report) != null) {
                throw new DefinitionException(dir.resolve("report.yaml"), "code", "report code '" + report.code() + "' is used by another report");
            }
        }
        if (reports.isEmpty()) {
            throw new DefinitionException(reportsDir, null, "no report found (reports/<name>/report.yaml)");
        }
        return new Definitions(communes, reports);
    }

    // ---------------------------------------------------------------- communes

    private CommuneDefinition readCommune(Path file) {
        YamlNode doc = new YamlNode(file, null, parse(file));
        doc.allowOnly(Set.of("code", "name", "place", "province", "file_code", "issuing_body", "issuing_body_name",
                "document_number", "signer", "recipients", "archive", "departments"));
        String code = doc.text("code");
        if (!CODE.matcher(code).matches()) {
            throw doc.error("code '" + code + "' must be lowercase letters, digits and dashes, at most 20");
        }
        YamlNode signerNode = doc.node("signer");
        signerNode.allowOnly(Set.of("on_behalf", "title", "name"));
        Signer signer = new Signer(signerNode.text("on_behalf"), signerNode.text("title"), signerNode.text("name"));
        List<Department> departments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode d : doc.nodes("departments", "code")) {
            d.allowOnly(Set.of("code", "name", "short_name", "office"));
            String deptCode = d.text("code");
            if (!CODE.matcher(deptCode).matches()) {
                throw d.error("department code '" + deptCode + "' must be lowercase letters, digits and dashes, at most 20");
            }
            if (!seen.add(deptCode)) {
                throw d.error("duplicate department code '" + deptCode + "'");
            }
            String name = d.text("name");
            departments.add(new Department(deptCode, name, d.optionalText("short_name") == null ? name : d.text("short_name"), d.flag("office")));
        }
        if (departments.isEmpty()) {
            throw doc.error("no departments listed");
        }
        long offices = departments.stream().filter(Department::office).count();
        if (offices != 1) {
            throw doc.error("exactly one department must be marked 'office: true' (found " + offices + ")");
        }
        return new CommuneDefinition(code, doc.text("name"), doc.text("place"), doc.text("province"), doc.text("file_code"),
                doc.texts("issuing_body"), doc.text("issuing_body_name"), doc.text("document_number"), signer,
                doc.texts("recipients"), doc.text("archive"), List.copyOf(departments));
    }

    // ---------------------------------------------------------------- reports

    private ReportDefinition readReport(Path dir, java.util.Collection<CommuneDefinition> communes) {
        Path file = dir.resolve("report.yaml");
        if (!Files.isRegularFile(file)) {
            throw new DefinitionException(file, null, "missing report.yaml in this report folder");
        }
        YamlNode doc = new YamlNode(file, null, parse(file));
        doc.allowOnly(Set.of("code", "name", "frequency", "title", "opening", "closing", "sections", "table", "rules", "reminders"));
        String code = doc.text("code");
        if (!CODE.matcher(code).matches()) {
            throw doc.error("code '" + code + "' must be lowercase letters, digits and dashes");
        }
        Frequency frequency = Frequency.fromYaml(doc.text("frequency"));
        if (frequency == null) {
            throw doc.error("unknown frequency '" + doc.text("frequency") + "' (allowed: month, quarter, half-year, year)");
        }

        YamlNode table = doc.node("table");
        table.allowOnly(Set.of("title", "rows"));
        Map<String, TableRow> rows = new LinkedHashMap<>();
        for (YamlNode r : table.nodes("rows", "code")) {
            TableRow row = readRow(r);
            if (rows.put(row.code(), row) != null) {
                throw r.error("duplicate row code '" + row.code() + "'");
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

        List<Rule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        for (YamlNode r : doc.nodes("rules", "id")) {
            Rule rule = readRule(r, rows);
            if (!ruleIds.add(rule.id())) {
                throw r.error("duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }

        Map<String, Flow> flows = readFlows(dir.resolve("flows"), communes, rows, blockIds);
        checkEverySlotFilled(dir, rows, blockIds, flows);
        return new ReportDefinition(code, doc.text("name"), frequency, doc.text("title"), doc.text("opening"),
                doc.text("closing"), sections, table.text("title"), List.copyOf(rows.values()), List.copyOf(rules), flows,
                doc.has("reminders") ? readReminders(doc.node("reminders")) : ReminderPolicy.defaults());
    }

    private TableRow readRow(YamlNode r) {
        r.allowOnly(Set.of("code", "stt", "label", "unit", "section", "group", "compute"));
        String code = r.text("code");
        String stt = r.text("stt");
        String label = r.text("label");
        String unit = r.optionalText("unit");
        boolean section = r.flag("section");
        boolean group = r.flag("group");
        boolean computed = r.has("compute");
        if ((section ? 1 : 0) + (group ? 1 : 0) + (computed ? 1 : 0) > 1) {
            throw r.error("a row is one of: section, group, compute or a plain figure, not several");
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
            throw c.error("ratio must list two row codes: [numerator, denominator]");
        }
        int decimals = c.integer("decimals", 2);
        if (decimals < 0 || decimals > 6) {
            throw c.error("decimals must be between 0 and 6");
        }
        String whenZeroText = c.optionalText("when_zero") == null ? "zero" : c.text("when_zero");
        Compute.WhenZero whenZero = Compute.WhenZero.fromYaml(whenZeroText);
        if (whenZero == null) {
            throw c.error("unknown when_zero '" + whenZeroText + "' (allowed: zero, hundred, empty)");
        }
        return new TableRow(code, stt, label, unit, TableRow.Kind.COMPUTED, new Compute(ratio.get(0), ratio.get(1), decimals, whenZero));
    }

    private void checkComputeOperand(Path file, TableRow row, String operand, Map<String, TableRow> rows) {
        TableRow target = rows.get(operand);
        String entry = "table › rows[" + row.code() + "] › compute";
        if (target == null) {
            throw new DefinitionException(file, entry, "ratio names row '" + operand + "', which is not in the table");
        }
        if (!target.carriesValue()) {
            throw new DefinitionException(file, entry, "ratio names row '" + operand + "', a section or group row without a value");
        }
    }

    private List<SectionNode> readSections(YamlNode parent, String field, Set<String> blockIds, Map<String, TableRow> rows) {
        List<SectionNode> nodes = new ArrayList<>();
        for (YamlNode s : parent.nodes(field, "number")) {
            s.allowOnly(Set.of("number", "title", "lead", "block", "children"));
            String block = s.optionalText("block");
            if (block != null && !blockIds.add(block)) {
                throw s.error("duplicate block id '" + block + "'");
            }
            String lead = s.optionalText("lead");
            if (lead != null) {
                checkTemplate(s, "lead", lead, rows);
            }
            checkTemplate(s, "title", s.text("title"), Map.of());
            List<SectionNode> children = readSections(s, "children", blockIds, rows);
            if (block == null && lead == null && children.isEmpty()) {
                throw s.error("a section needs a block, a lead or children");
            }
            nodes.add(new SectionNode(s.text("number"), s.text("title"), lead, block, children));
        }
        return List.copyOf(nodes);
    }

    private void checkTemplate(YamlNode node, String field, String template, Map<String, TableRow> rows) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1).trim();
            if (TEMPLATE_NAMES.contains(name)) {
                continue;
            }
            TableRow row = rows.get(name);
            if (row == null) {
                throw node.error("placeholder {" + name + "} in '" + field + "' names neither a known value ("
                        + String.join(", ", TEMPLATE_NAMES.stream().sorted().toList()) + ") nor a table row");
            }
            if (!row.carriesValue()) {
                throw node.error("placeholder {" + name + "} in '" + field + "' names a row without a value");
            }
        }
    }

    private Rule readRule(YamlNode r, Map<String, TableRow> rows) {
        r.allowOnly(Set.of("id", "left", "op", "right", "severity", "message"));
        String id = r.text("id");
        Rule.Operator op = Rule.Operator.fromSymbol(r.text("op"));
        if (op == null) {
            throw r.error("unknown operator '" + r.text("op") + "' (allowed: <=, <, =, >=, >, !=)");
        }
        String severityText = r.text("severity");
        Rule.Severity severity = switch (severityText) {
            case "error" -> Rule.Severity.ERROR;
            case "warning" -> Rule.Severity.WARNING;
            default -> throw r.error("unknown severity '" + severityText + "' (allowed: error, warning)");
        };
        return new Rule(id, expression(r, "left", rows), op, expression(r, "right", rows), severity, r.text("message"));
    }

    private List<Rule.Term> expression(YamlNode r, String field, Map<String, TableRow> rows) {
        String text = r.text(field);
        List<Rule.Term> terms = new ArrayList<>();
        // Terms are separated by " + " or " - "; row codes themselves contain dots but never spaces.
        String[] tokens = text.trim().split("\\s+");
        int sign = 1;
        boolean expectOperand = true;
        for (String token : tokens) {
            if (expectOperand) {
                if (token.equals("-")) {
                    sign = -sign;
                    continue;
                }
                terms.add(term(r, field, sign, token, rows));
                expectOperand = false;
                sign = 1;
            } else {
                if (!token.equals("+") && !token.equals("-")) {
                    throw r.error("'" + field + "': expected + or - between terms, found '" + token + "'");
                }
                sign = token.equals("-") ? -1 : 1;
                expectOperand = true;
            }
        }
        if (expectOperand) {
            throw r.error("'" + field + "' ends with an operator");
        }
        return List.copyOf(terms);
    }

    private Rule.Term term(YamlNode r, String field, int sign, String token, Map<String, TableRow> rows) {
        if (token.matches("\\d+(\\.\\d+)?")) {
            return new Rule.Term(sign, null, new BigDecimal(token));
        }
        TableRow row = rows.get(token);
        if (row == null) {
            throw r.error("'" + field + "' names row '" + token + "', which is not in the table");
        }
        if (!row.carriesValue()) {
            throw r.error("'" + field + "' names row '" + token + "', a section or group row without a value");
        }
        return new Rule.Term(sign, token, null);
    }

    private ReminderPolicy readReminders(YamlNode r) {
        r.allowOnly(Set.of("days_before", "on_deadline_day", "every_working_day_after", "morning", "working_hours",
                "working_days", "holidays"));
        ReminderPolicy defaults = ReminderPolicy.defaults();
        List<Integer> daysBefore = new ArrayList<>();
        for (String day : r.texts("days_before")) {
            if (!day.matches("\\d{1,2}")) {
                throw r.error("days_before must list whole numbers of days, not '" + day + "'");
            }
            daysBefore.add(Integer.parseInt(day));
        }
        java.time.LocalTime morning = r.has("morning") ? time(r, "morning", r.text("morning")) : defaults.morning();
        java.time.LocalTime start = defaults.workStart();
        java.time.LocalTime end = defaults.workEnd();
        if (r.has("working_hours")) {
            String[] hours = r.text("working_hours").split("-");
            if (hours.length != 2) {
                throw r.error("working_hours must look like 07:30-17:00");
            }
            start = time(r, "working_hours", hours[0].trim());
            end = time(r, "working_hours", hours[1].trim());
        }
        Set<java.time.DayOfWeek> days = defaults.workingDays();
        if (r.has("working_days")) {
            days = new java.util.HashSet<>();
            for (String day : r.texts("working_days")) {
                try {
                    days.add(java.time.DayOfWeek.valueOf(day.toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw r.error("unknown working day '" + day + "' (MONDAY … SUNDAY)");
                }
            }
        }
        Set<java.time.LocalDate> holidays = new HashSet<>();
        for (String day : r.texts("holidays")) {
            try {
                holidays.add(java.time.LocalDate.parse(day));
            } catch (java.time.format.DateTimeParseException e) {
                throw r.error("holiday '" + day + "' must be a date like 2026-09-02");
            }
        }
        return new ReminderPolicy(r.has("days_before") ? List.copyOf(daysBefore) : defaults.daysBefore(),
                r.has("on_deadline_day") ? r.flag("on_deadline_day") : defaults.onDeadlineDay(),
                r.has("every_working_day_after") ? r.flag("every_working_day_after") : defaults.everyWorkingDayAfter(),
                morning, start, end, Set.copyOf(days), Set.copyOf(holidays));
    }

    private static java.time.LocalTime time(YamlNode r, String field, String text) {
        try {
            return java.time.LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (java.time.format.DateTimeParseException e) {
            throw r.error("'" + field + "': '" + text + "' is not a time like 08:00");
        }
    }

    // ---------------------------------------------------------------- flows

    private Map<String, Flow> readFlows(Path flowsDir, java.util.Collection<CommuneDefinition> communes,
                                        Map<String, TableRow> rows, Set<String> blockIds) {
        Set<String> departmentCodes = new HashSet<>();
        communes.forEach(c -> c.departments().forEach(d -> departmentCodes.add(d.code())));
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, String> questionFile = new HashMap<>();
        Map<String, String> slotOwner = new HashMap<>();
        for (Path file : yamlFiles(flowsDir)) {
            YamlNode doc = new YamlNode(file, null, parse(file));
            doc.allowOnly(Set.of("department", "intro", "questions"));
            String department = doc.text("department");
            if (!departmentCodes.contains(department)) {
                throw doc.error("department '" + department + "' is not a department of any commune (known: "
                        + String.join(", ", departmentCodes.stream().sorted().toList()) + ")");
            }
            if (flows.containsKey(department)) {
                throw doc.error("department '" + department + "' already has a flow file");
            }
            List<Question> questions = new ArrayList<>();
            for (YamlNode q : doc.nodes("questions", "id")) {
                Question question = readQuestion(q, department, rows, blockIds);
                String otherFile = questionFile.putIfAbsent(question.id(), file.getFileName().toString());
                if (otherFile != null) {
                    throw q.error("duplicate question id '" + question.id() + "' (also in " + otherFile + ")");
                }
                String owner = slotOwner.putIfAbsent(question.fills().toString(), question.id() + " (" + file.getFileName() + ")");
                if (owner != null) {
                    throw q.error("'" + question.fills() + "' is already filled by question " + owner
                            + "; each figure and block is owed by exactly one question");
                }
                questions.add(question);
            }
            if (questions.isEmpty()) {
                throw doc.error("the flow has no questions");
            }
            flows.put(department, new Flow(department, doc.optionalText("intro"), List.copyOf(questions)));
        }
        return flows;
    }

    private Question readQuestion(YamlNode q, String department, Map<String, TableRow> rows, Set<String> blockIds) {
        q.allowOnly(Set.of("id", "fills", "type", "prompt", "unit", "optional", "help", "keep_previous"));
        String id = q.text("id");
        if (!QUESTION_ID.matcher(id).matches()) {
            throw q.error("question id '" + id + "' must be 1–24 lowercase letters, digits or dashes");
        }
        String typeText = q.text("type");
        QuestionType type = QuestionType.fromYaml(typeText).orElseThrow(() -> q.error("unknown type '" + typeText
                + "' (allowed: integer, decimal, percent, yesno, text, narrative)"));
        Slot slot = Slot.parse(q.text("fills"));
        if (slot == null || slot.ref().isEmpty()) {
            throw q.error("fills '" + q.text("fills") + "' must be 'bieu:<row code>' or 'muc:<block id>'");
        }
        String unit = q.optionalText("unit");
        if (slot.kind() == Slot.Kind.TABLE_ROW) {
            TableRow row = rows.get(slot.ref());
            if (row == null) {
                throw q.error("fills '" + slot + "': there is no table row '" + slot.ref() + "'");
            }
            if (row.kind() != TableRow.Kind.FIGURE) {
                throw q.error("fills '" + slot + "': row " + slot.ref() + " is a "
                        + row.kind().name().toLowerCase() + " row, not a figure that can be asked");
            }
            if (type == QuestionType.NARRATIVE) {
                throw q.error("a narrative question cannot fill a table row ('" + slot + "')");
            }
            if (unit == null) {
                unit = row.unit();
            }
        } else {
            if (!blockIds.contains(slot.ref())) {
                throw q.error("fills '" + slot + "': there is no narrative block '" + slot.ref() + "' in the sections");
            }
            if (type != QuestionType.NARRATIVE) {
                throw q.error("only a narrative question can fill a block ('" + slot + "')");
            }
        }
        return new Question(id, department, slot, type, q.text("prompt"), unit, q.flag("optional"),
                q.optionalText("help"), q.flag("keep_previous"));
    }

    private void checkEverySlotFilled(Path dir, Map<String, TableRow> rows, Set<String> blockIds, Map<String, Flow> flows) {
        Set<String> filled = new HashSet<>();
        flows.values().forEach(f -> f.questions().forEach(q -> filled.add(q.fills().toString())));
        for (TableRow row : rows.values()) {
            if (row.kind() == TableRow.Kind.FIGURE && !filled.contains(Slot.TABLE_PREFIX + row.code())) {
                throw new DefinitionException(dir.resolve("report.yaml"), "table › rows[" + row.code() + "]",
                        "no question of any flow fills this row (add a question with 'fills: bieu:" + row.code() + "')");
            }
        }
        for (String block : blockIds.stream().sorted().toList()) {
            if (!filled.contains(Slot.BLOCK_PREFIX + block)) {
                throw new DefinitionException(dir.resolve("report.yaml"), "sections › block " + block,
                        "no question of any flow fills this block (add a narrative question with 'fills: muc:" + block + "')");
            }
        }
    }

    // ---------------------------------------------------------------- files

    private static Object parse(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = yaml.load(reader);
            if (doc == null) {
                throw new DefinitionException(file, null, "the file is empty");
            }
            return doc;
        } catch (MarkedYAMLException e) {
            throw new DefinitionException(file, "line " + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1),
                    "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            if (e instanceof DefinitionException de) {
                throw de;
            }
            throw new DefinitionException(file, null, "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new DefinitionException(file, null, "cannot be read: " + e.getMessage());
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DefinitionException(dir, null, "cannot be listed: " + e.getMessage());
        }
    }

    private static List<Path> listDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new DefinitionException(dir, null, "cannot be listed: " + e.getMessage());
        }
    }
}
