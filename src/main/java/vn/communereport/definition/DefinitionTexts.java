package vn.communereport.definition;

/**
 * The Vietnamese wording of definition problems, from {@code i18n/definition.properties} and, for the checks of many
 * communes and reports, {@code i18n/communes.properties} (read before Spring starts).
 */
final class DefinitionTexts {

    private static final TextBundle TEXTS = TextBundle.of("i18n/definition");
    private static final TextBundle COMMUNES = TextBundle.of("i18n/communes");

    private DefinitionTexts() {
    }

    static String get(String key, Object... args) {
        return TEXTS.has(key) ? TEXTS.get(key, args) : COMMUNES.get(key, args);
    }
}
