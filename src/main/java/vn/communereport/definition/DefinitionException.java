package vn.communereport.definition;

import java.nio.file.Path;

/** A definition file that cannot be used; names the file, the entry and the problem. */
public class DefinitionException extends RuntimeException {

    private final Path file;
    private final String entry;
    private final String problem;

    public DefinitionException(Path file, String entry, String problem) {
        super(file + (entry == null || entry.isBlank() ? "" : " › " + entry) + ": " + problem);
        this.file = file;
        this.entry = entry;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public String entry() {
        return entry;
    }

    public String problem() {
        return problem;
    }
}
