package vn.communereport.definition;

/** How often a report recurs. */
public enum Frequency {
    MONTH("month"), QUARTER("quarter"), HALF_YEAR("half-year"), YEAR("year");

    private final String yamlName;

    Frequency(String yamlName) {
        this.yamlName = yamlName;
    }

    static Frequency fromYaml(String name) {
        for (Frequency f : values()) {
            if (f.yamlName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
