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
            throw new DefinitionException(file, entry, "expected a mapping of fields (key: value)");
        }
        this.map = m;
    }

    Path file() {
        return file;
    }

    String entry() {
        return entry;
    }

    DefinitionException error(String problem) {
        return new DefinitionException(file, entry, problem);
    }

    void allowOnly(Set<String> fields) {
        for (Object key : map.keySet()) {
            if (!fields.contains(String.valueOf(key))) {
                throw error("unknown field '" + key + "' (allowed: " + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String field) {
        return map.get(field) != null;
    }

    String text(String field) {
        Object value = map.get(field);
        if (value == null) {
            throw error("missing field '" + field + "'");
        }
        String text = scalar(field, value).trim();
        if (text.isEmpty()) {
            throw error("field '" + field + "' is empty");
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
        throw error("field '" + field + "' must be true or false, not '" + value + "'");
    }

    int integer(String field, int fallback) {
        Object value = map.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw error("field '" + field + "' must be a whole number, not '" + value + "'");
    }

    List<String> texts(String field) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error("field '" + field + "' must be a list");
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
            throw error("field '" + field + "' must be a list");
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
            throw error("missing field '" + field + "'");
        }
        return new YamlNode(file, (entry == null ? "" : entry + " › ") + field, value);
    }

    Object raw(String field) {
        return map.get(field);
    }

    private String scalar(String field, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("field '" + field + "' must be a single value");
        }
        return String.valueOf(value);
    }
}
