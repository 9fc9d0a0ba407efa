package vn.communereport.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML mapping read with the file and entry it came from, so every error can say where it is. */
final class YamlNode {

    private final Path file;
    private final String entry;
    private final Map<?, ?> map;

    YamlNode(Path file, String entry, Object value) {
        this.file = file;
        this.entry = entry;
        if (!(value instanceof Map<?, ?> m)) {
            throw DefinitionException.of(file, entry, "definition.yaml.not-mapping");
        }
        this.map = m;
    }

    Path file() {
        return file;
    }

    String entry() {
        return entry;
    }

    /** The problem worded by {@code key} of {@code i18n/definition.properties}, at this node's file and entry. */
    DefinitionException error(String key, Object... args) {
        return DefinitionException.of(file, entry, key, args);
    }

    void allowOnly(Set<String> fields) {
        for (Object key : map.keySet()) {
            if (!fields.contains(String.valueOf(key))) {
                throw error("definition.field.unknown", String.valueOf(key), String.join(", ", fields.stream().sorted().toList()));
            }
        }
    }

    boolean has(String field) {
        return map.get(field) != null;
    }

    String text(String field) {
        Object value = map.get(field);
        if (value == null) {
            throw error("definition.field.missing", field);
        }
        String text = scalar(field, value).trim();
        if (text.isEmpty()) {
            throw error("definition.field.empty", field);
        }
        return text;
    }

    String optionalText(String field) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        String text = scalar(field, value).trim();
        return text.isEmpty() ? null : text;
    }

    boolean flag(String field) {
        Object value = map.get(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("definition.field.boolean", field, String.valueOf(value));
    }

    int integer(String field, int fallback) {
        Object value = map.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw error("definition.field.integer", field, String.valueOf(value));
    }

    List<String> texts(String field) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("definition.field.list", field);
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            texts.add(scalar(field, item).trim());
        }
        return List.copyOf(texts);
    }

    /** A list of mappings; {@code label} names each item in errors from its id field. */
    List<YamlNode> nodes(String field, String idField) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("definition.field.list", field);
        }
        List<YamlNode> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String id = item instanceof Map<?, ?> m && m.get(idField) != null ? String.valueOf(m.get(idField)) : "#" + (i + 1);
            String itemEntry = (entry == null ? "" : entry + " › ") + field + "[" + id + "]";
            nodes.add(new YamlNode(file, itemEntry, item));
        }
        return nodes;
    }

    YamlNode node(String field) {
        Object value = map.get(field);
        if (value == null) {
            throw error("definition.field.missing", field);
        }
        return new YamlNode(file, (entry == null ? "" : entry + " › ") + field, value);
    }

    /** The names of this mapping's fields, in the file's order. */
    List<String> fields() {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    Object raw(String field) {
        return map.get(field);
    }

    private String scalar(String field, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("definition.field.single", field);
        }
        return String.valueOf(value);
    }
}
