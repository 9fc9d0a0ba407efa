package vn.communereport.province.definition;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.DefinitionException;
import vn.communereport.definition.TextBundle;

/**
 * Reads {@code conversations/provinces/*.yaml} and checks them against the communes, in the definition loader's
 * manner: a mistake stops the start with the file, the entry and the problem (texts in {@code i18n/province.properties}).
 * No folder means no province administrators.
 */
public final class ProvinceReader {

    static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,20}");
    private static final Pattern TELEGRAM_ID = Pattern.compile("[1-9][0-9]{0,19}");
    private static final Set<String> FIELDS = Set.of("code", "name", "authority", "admin_telegram_ids");
    private static final TextBundle TEXTS = TextBundle.of("i18n/province");

    private ProvinceReader() {
    }

    public static List<ProvinceDefinition> read(Path conversationsDir, Iterable<CommuneDefinition> communes) {
        Path dir = conversationsDir.resolve("provinces");
        Set<String> communeProvinces = new TreeSet<>();
        communes.forEach(c -> communeProvinces.add(c.province()));
        List<ProvinceDefinition> provinces = new ArrayList<>();
        Map<String, Path> adminIn = new HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (Path file : yamlFiles(dir)) {
            ProvinceDefinition province = readOne(file);
            if (!communeProvinces.contains(province.name())) {
                throw problem(file, "name", "province.definition.no-commune", province.name(), String.join(", ", communeProvinces));
            }
            if (!names.add(province.name())) {
                throw problem(file, "name", "province.definition.duplicate-name", province.name());
            }
            for (String id : province.adminTelegramIds()) {
                Path other = adminIn.putIfAbsent(id, file);
                if (other != null) {
                    throw problem(file, "admin_telegram_ids", "province.definition.admin-twice", id, other.getFileName());
                }
            }
            provinces.add(province);
        }
        return List.copyOf(provinces);
    }

    private static ProvinceDefinition readOne(Path file) {
        Object doc = parse(file);
        if (!(doc instanceof Map<?, ?> map)) {
            throw problem(file, null, "province.definition.not-mapping");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw problem(file, String.valueOf(key), "province.definition.unknown-field", key, String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        String code = text(file, map, "code");
        if (!CODE.matcher(code).matches()) {
            throw problem(file, "code", "province.definition.code-format", code);
        }
        String expected = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!code.equals(expected)) {
            throw problem(file, "code", "province.definition.code-file", code, expected);
        }
        String name = text(file, map, "name");
        String authority = text(file, map, "authority");
        Object ids = map.get("admin_telegram_ids");
        if (!(ids instanceof List<?> list)) {
            throw problem(file, "admin_telegram_ids", "province.definition.admins-missing");
        }
        Set<String> admins = new LinkedHashSet<>();
        for (Object id : list) {
            String text = String.valueOf(id).trim();
            if (!TELEGRAM_ID.matcher(text).matches()) {
                throw problem(file, "admin_telegram_ids", "province.definition.admin-format", text);
            }
            admins.add(text);
        }
        return new ProvinceDefinition(code, name, authority, admins);
    }

    private static String text(Path file, Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            throw problem(file, field, "province.definition.field-missing", field);
        }
        return String.valueOf(value).trim();
    }

    private static Object parse(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(options)).load(reader);
            if (doc == null) {
                throw problem(file, null, "province.definition.empty");
            }
            return doc;
        } catch (MarkedYAMLException e) {
            throw problem(file, null, "province.definition.invalid", e.getProblem());
        } catch (IOException e) {
            throw problem(file, null, "province.definition.unreadable", e.getMessage());
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw problem(dir, null, "province.definition.unreadable", e.getMessage());
        }
    }

    private static DefinitionException problem(Path file, String entry, String key, Object... args) {
        return new DefinitionException(file, entry, TEXTS.get(key, args));
    }
}
