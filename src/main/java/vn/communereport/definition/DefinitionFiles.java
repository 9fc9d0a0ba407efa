package vn.communereport.definition;

import java.nio.file.Path;

/** Reads a definitions folder outside the application context (tests, benchmarks, tools). */
public final class DefinitionFiles {

    private DefinitionFiles() {
    }

    public static Definitions load(Path conversationsDir) {
        return new DefinitionLoader(conversationsDir).load();
    }
}
