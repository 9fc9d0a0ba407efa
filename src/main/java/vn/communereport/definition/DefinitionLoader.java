package vn.communereport.definition;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the {@code conversations/} folder and checks it whole: a definition that loads is one the bot can
 * run, so every mistake a clerk can make is reported here, with file, entry and problem. Communes are read here,
 * each report by {@link ReportReader}.
 */
final class DefinitionLoader {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,20}");

    private final Path root;

    DefinitionLoader(Path root) {
        this.root = root;
    }

    Definitions load() {
        if (!Files.isDirectory(root)) {
            throw DefinitionException.of(root, null, "definition.folder.missing");
        }
        Map<String, YamlNode> communeFiles = new TreeMap<>();
        Map<String, CommuneDefinition> communes = new TreeMap<>();
        for (Path file : yamlFiles(root.resolve("communes"))) {
            YamlNode doc = new YamlNode(file, null, parse(file));
            CommuneDefinition commune = readCommune(doc);
            if (communes.put(commune.code(), commune) != null) {
                throw DefinitionException.of(file, "code", "definition.commune.duplicate-code", commune.code());
            }
            communeFiles.put(commune.code(), doc);
        }
        if (communes.isEmpty()) {
            throw DefinitionException.of(root.resolve("communes"), null, "definition.commune.none");
        }
        Map<String, ReportDefinition> reports = new TreeMap<>();
        Path reportsDir = root.resolve("reports");
        Map<Path, ReportReader> sharing = new TreeMap<>();
        for (Path dir : listDirs(reportsDir)) {
            ReportReader reader = new ReportReader(dir, communes.values());
            if (reader.shares() != null) {
                sharing.put(dir, reader);
                continue;
            }
            add(reports, dir, reader.read());
        }
        // A report that shares another's structure is read after every report with a structure of its own.
        sharing.forEach((dir, reader) -> {
            ReportDefinition base = reports.get(reader.shares());
            if (base == null) {
                throw DefinitionException.of(dir.resolve("report.yaml"), "shares", "definition.report.shares-unknown",
                        reader.shares(), String.join(", ", reports.keySet()));
            }
            add(reports, dir, reader.readSharing(base));
        });
        if (reports.isEmpty()) {
            throw DefinitionException.of(reportsDir, null, "definition.report.none");
        }
        communeFiles.forEach((code, doc) -> checkOpenings(doc, communes.get(code), reports));
        communeFiles.forEach((code, doc) -> checkReportsOwed(doc, communes.get(code), reports));
        return new Definitions(communes, reports);
    }

    private static void add(Map<String, ReportDefinition> reports, Path dir, ReportDefinition report) {
        if (reports.put(report.code(), report) != null) {
            throw DefinitionException.of(dir.resolve("report.yaml"), "code", "definition.report.duplicate-code", report.code());
        }
    }

    /** Every report a commune owes exists, and every department that answers it is one of the commune's. */
    private static void checkReportsOwed(YamlNode doc, CommuneDefinition commune, Map<String, ReportDefinition> reports) {
        for (String code : commune.reports()) {
            ReportDefinition report = reports.get(code);
            if (report == null) {
                throw DefinitionException.of(doc.file(), "reports › " + code, "definition.commune.report-unknown",
                        code, String.join(", ", reports.keySet()));
            }
            for (String department : report.flowsByDepartment().keySet()) {
                if (commune.department(department).isEmpty()) {
                    throw DefinitionException.of(doc.file(), "reports › " + code, "definition.commune.report-department",
                            code, department);
                }
            }
        }
    }

    // ---------------------------------------------------------------- communes

    private static CommuneDefinition readCommune(YamlNode doc) {
        doc.allowOnly(Set.of("code", "name", "place", "province", "file_code", "issuing_body", "issuing_body_name",
                "issuing_body_short", "document_number", "signer", "recipients", "archive", "departments", "openings",
                "holidays", "reports", "office_admins"));
        String code = doc.text("code");
        if (!CODE.matcher(code).matches()) {
            throw doc.error("definition.code.format", code);
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
                throw d.error("definition.department.code-format", deptCode);
            }
            if (!seen.add(deptCode)) {
                throw d.error("definition.department.duplicate", deptCode);
            }
            String name = d.text("name");
            departments.add(new Department(deptCode, name, d.optionalText("short_name") == null ? name : d.text("short_name"), d.flag("office")));
        }
        if (departments.isEmpty()) {
            throw doc.error("definition.department.none");
        }
        long offices = departments.stream().filter(Department::office).count();
        if (offices != 1) {
            throw doc.error("definition.department.office-count", offices);
        }
        String issuingBodyName = doc.text("issuing_body_name");
        String issuingBodyShort = doc.optionalText("issuing_body_short");
        return new CommuneDefinition(code, doc.text("name"), doc.text("place"), doc.text("province"), doc.text("file_code"),
                doc.texts("issuing_body"), issuingBodyName, issuingBodyShort == null ? issuingBodyName : issuingBodyShort,
                doc.text("document_number"), signer, doc.texts("recipients"), doc.text("archive"), List.copyOf(departments),
                openings(doc), holidays(doc), reportsOwed(doc), officeAdmins(doc));
    }

    /** The reports the commune owes, named one by one: a new report type is owed only by the communes that list it. */
    private static List<String> reportsOwed(YamlNode doc) {
        List<String> reports = doc.texts("reports");
        if (reports.isEmpty()) {
            throw doc.error("definition.commune.reports-none");
        }
        Set<String> seen = new HashSet<>();
        for (String report : reports) {
            if (!seen.add(report)) {
                throw DefinitionException.of(doc.file(), "reports › " + report, "definition.commune.report-twice", report);
            }
        }
        return List.copyOf(reports);
    }

    /** Telegram user ids, as numbers; null when the field is left out (OFFICE_ADMIN_IDS then names them). */
    private static List<String> officeAdmins(YamlNode doc) {
        if (!doc.has("office_admins")) {
            return null;
        }
        List<String> ids = doc.texts("office_admins");
        for (String id : ids) {
            if (!id.matches("[1-9][0-9]{0,18}")) {
                throw DefinitionException.of(doc.file(), "office_admins", "definition.commune.office-admin-id", id);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(ids));
    }

    /** Report code → the commune's own opening paragraph for that report. */
    private static Map<String, String> openings(YamlNode doc) {
        if (!doc.has("openings")) {
            return Map.of();
        }
        YamlNode openings = doc.node("openings");
        Map<String, String> byReport = new LinkedHashMap<>();
        for (String report : openings.fields()) {
            String text = openings.text(report);
            ReportReader.checkTemplate(openings, report, text, Map.of());
            byReport.put(report, text);
        }
        return Map.copyOf(byReport);
    }

    /** The commune's days off: no reminder goes out on them. */
    private static Set<LocalDate> holidays(YamlNode doc) {
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : doc.texts("holidays")) {
            try {
                holidays.add(LocalDate.parse(day));
            } catch (DateTimeParseException e) {
                throw DefinitionException.of(doc.file(), "holidays", "definition.holiday.format", day);
            }
        }
        return Set.copyOf(holidays);
    }

    private static void checkOpenings(YamlNode doc, CommuneDefinition commune, Map<String, ReportDefinition> reports) {
        for (String report : commune.openings().keySet()) {
            if (!reports.containsKey(report)) {
                throw DefinitionException.of(doc.file(), "openings › " + report, "definition.commune.opening-unknown-report",
                        report, String.join(", ", reports.keySet()));
            }
        }
    }

    // ---------------------------------------------------------------- files

    static Object parse(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = yaml.load(reader);
            if (doc == null) {
                throw DefinitionException.of(file, null, "definition.yaml.empty");
            }
            return doc;
        } catch (MarkedYAMLException e) {
            String line = e.getProblemMark() == null ? "?" : String.valueOf(e.getProblemMark().getLine() + 1);
            throw DefinitionException.of(file, DefinitionTexts.get("definition.entry.line", line), "definition.yaml.invalid",
                    e.getProblem());
        } catch (RuntimeException e) {
            if (e instanceof DefinitionException de) {
                throw de;
            }
            throw DefinitionException.of(file, null, "definition.yaml.invalid", e.getMessage());
        } catch (IOException e) {
            throw DefinitionException.of(file, null, "definition.file.unreadable", e.getMessage());
        }
    }

    static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw DefinitionException.of(dir, null, "definition.folder.unlistable", e.getMessage());
        }
    }

    private static List<Path> listDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw DefinitionException.of(dir, null, "definition.folder.unlistable", e.getMessage());
        }
    }
}
