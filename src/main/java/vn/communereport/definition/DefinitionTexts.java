package vn.communereport.definition;

/** The Vietnamese wording of definition problems, from {@code i18n/definition.properties} (read before Spring starts). */
final class DefinitionTexts {

    private static final TextBundle TEXTS = TextBundle.of("i18n/definition");

    private DefinitionTexts() {
    }

    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
