package vn.communereport.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A conversations folder {@code copies} times the size of the shipped one: every table row, narrative block, rule,
 * department and question of the seed definition appears {@code copies} times. Copy 0 is the seed itself (same
 * codes and ids, so the seed's answers still fit); copy j renames row codes and block ids {@code X} to {@code X.kj},
 * department codes {@code d} to {@code d-j}, and question ids so that they stay unique and within 24 characters.
 * The result loads through the application's own checks.
 *
 * <p>The process controls (approval by a head, cut-off windows, outlier questions) are left out: every variant, the
 * older bots that had none of them included, then runs the same conversation, and no member waits for a head or for
 * a reason the driver does not give.
 */
public final class SyntheticDefinitions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final Map<String, Object> commune;
    private final Map<String, Object> report;
    private final Map<String, Map<String, Object>> flows = new LinkedHashMap<>();
    private final String communeFile;
    private final String reportCode;

    private SyntheticDefinitions(Path seed) {
        Path communes = seed.resolve("communes");
        try (Stream<Path> files = Files.list(communes)) {
            // the seed's commune (Bình Lư), not whichever file the folder lists first
            Path communePath = files.filter(p -> p.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
            communeFile = communePath.getFileName().toString();
            commune = load(communePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> dirs = Files.list(seed.resolve("reports"))) {
            // the six-monthly report, which has flows of its own (the yearly one shares them)
            Path reportDir = dirs.filter(d -> Files.isDirectory(d.resolve("flows"))).sorted().findFirst().orElseThrow();
            reportCode = reportDir.getFileName().toString();
            report = load(reportDir.resolve("report.yaml"));
            try (Stream<Path> flowFiles = Files.list(reportDir.resolve("flows"))) {
                flowFiles.filter(p -> p.toString().endsWith(".yaml")).sorted()
                        .forEach(p -> flows.put(p.getFileName().toString(), load(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a folder {@code copies} times the seed's size into {@code target} and returns it. */
    public static Path write(Path seed, int copies, Path target) {
        return new SyntheticDefinitions(seed).writeCopies(copies, target);
    }

    /** Department code of copy {@code j} of a seed department. */
    public static String department(String seedCode, int j) {
        return j == 0 ? seedCode : seedCode + "-" + j;
    }

    static String code(String seedCode, int j) {
        return j == 0 ? seedCode : seedCode + ".k" + j;
    }

    /** Question id of copy {@code j}: the seed id, shortened if need be, and the copy number. */
    public static String questionId(String seedId, int j) {
        if (j == 0) {
            return seedId;
        }
        String suffix = "-" + j;
        String base = seedId.length() + suffix.length() <= 24 ? seedId : seedId.substring(0, 24 - suffix.length());
        return base + suffix;
    }

    @SuppressWarnings("unchecked")
    private Path writeCopies(int copies, Path target) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        Map<String, Object> newCommune = new LinkedHashMap<>(commune);
        newCommune.put("reports", List.of(reportCode)); // the one report written beside it
        if (commune.get("openings") instanceof Map<?, ?> openings && openings.containsKey(reportCode)) {
            newCommune.put("openings", Map.of(reportCode, openings.get(reportCode)));
        } else {
            newCommune.remove("openings");
        }
        List<Object> departments = new ArrayList<>();
        for (int j = 0; j < copies; j++) {
            for (Object d : (List<Object>) commune.get("departments")) {
                Map<String, Object> department = new LinkedHashMap<>((Map<String, Object>) d);
                if (j > 0) {
                    department.put("code", department((String) department.get("code"), j));
                    department.put("name", department.get("name") + " " + (j + 1));
                    department.put("short_name", department.get("short_name") + " " + (j + 1));
                    department.remove("office");
                }
                departments.add(department);
            }
        }
        newCommune.put("departments", departments);

        Map<String, Object> newReport = new LinkedHashMap<>(report);
        newReport.remove("approval");
        newReport.remove("cut_off");
        newReport.remove("outliers");
        List<Object> sections = new ArrayList<>();
        Map<String, Object> table = new LinkedHashMap<>((Map<String, Object>) report.get("table"));
        List<Object> rows = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        Set<String> rowCodes = new HashSet<>();
        for (Object r : (List<Object>) table.get("rows")) {
            rowCodes.add(String.valueOf(((Map<String, Object>) r).get("code")));
        }
        for (int j = 0; j < copies; j++) {
            int copy = j;
            for (Object s : (List<Object>) report.get("sections")) {
                sections.add(section((Map<String, Object>) s, copy, rowCodes, true));
            }
            for (Object r : (List<Object>) table.get("rows")) {
                Map<String, Object> row = new LinkedHashMap<>((Map<String, Object>) r);
                row.put("code", code(String.valueOf(row.get("code")), j));
                if (row.get("compute") instanceof Map<?, ?> compute) {
                    Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) compute);
                    c.put("ratio", ((List<Object>) c.get("ratio")).stream().map(o -> code(String.valueOf(o), copy)).toList());
                    row.put("compute", c);
                }
                rows.add(row);
            }
            if (report.get("rules") instanceof List<?> seedRules) {
                for (Object o : seedRules) {
                    Map<String, Object> rule = new LinkedHashMap<>((Map<String, Object>) o);
                    if (j > 0) {
                        rule.put("id", rule.get("id") + "-" + j);
                    }
                    rule.put("left", expression(String.valueOf(rule.get("left")), j, rowCodes));
                    rule.put("right", expression(String.valueOf(rule.get("right")), j, rowCodes));
                    rules.add(rule);
                }
            }
        }
        newReport.put("sections", sections);
        table.put("rows", rows);
        newReport.put("table", table);
        if (report.containsKey("rules")) {
            newReport.put("rules", rules);
        }

        try {
            Path communes = Files.createDirectories(target.resolve("communes"));
            Path reportDir = Files.createDirectories(target.resolve("reports").resolve(reportCode));
            Path flowDir = Files.createDirectories(reportDir.resolve("flows"));
            dump(newCommune, communes.resolve(communeFile));
            dump(newReport, reportDir.resolve("report.yaml"));
            for (int j = 0; j < copies; j++) {
                for (Map.Entry<String, Map<String, Object>> entry : flows.entrySet()) {
                    Map<String, Object> flow = new LinkedHashMap<>(entry.getValue());
                    String department = department((String) flow.get("department"), j);
                    flow.put("department", department);
                    List<Object> questions = new ArrayList<>();
                    for (Object q : (List<Object>) flow.get("questions")) {
                        Map<String, Object> question = new LinkedHashMap<>((Map<String, Object>) q);
                        question.put("id", questionId((String) question.get("id"), j));
                        String fills = (String) question.get("fills");
                        int colon = fills.indexOf(':');
                        question.put("fills", fills.substring(0, colon + 1) + code(fills.substring(colon + 1).trim(), j));
                        questions.add(question);
                    }
                    flow.put("questions", questions);
                    dump(flow, flowDir.resolve(department + ".yaml"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(Map<String, Object> seed, int j, Set<String> rowCodes, boolean top) {
        Map<String, Object> section = new LinkedHashMap<>(seed);
        if (section.get("block") != null) {
            section.put("block", code(String.valueOf(section.get("block")), j));
        }
        if (section.get("lead") != null) {
            section.put("lead", placeholders(String.valueOf(section.get("lead")), j, rowCodes));
        }
        if (top && j > 0) {
            section.put("title", section.get("title") + " (PHẦN " + (j + 1) + ")");
        }
        if (section.get("children") instanceof List<?> children) {
            section.put("children", children.stream().map(c -> (Object) section((Map<String, Object>) c, j, rowCodes, false)).toList());
        }
        return section;
    }

    private static String placeholders(String template, int j, Set<String> rowCodes) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String replacement = rowCodes.contains(name) ? "{" + code(name, j) + "}" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String expression(String text, int j, Set<String> rowCodes) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            tokens.add(rowCodes.contains(token) ? code(token, j) : token);
        }
        return String.join(" ", tokens);
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) loaded;
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dump(Map<String, Object> content, Path file) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(10_000);
        options.setAllowUnicode(true);
        Yaml yaml = new Yaml(new Representer(options), options);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            yaml.dump(content, writer);
        }
    }
}
