package vn.communereport.definition;

/** The texts people read, by key; the definitions ask for words without knowing where they are kept. */
@FunctionalInterface
public interface Wording {

    String get(String key, Object... args);
}
