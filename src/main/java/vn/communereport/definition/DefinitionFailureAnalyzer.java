package vn.communereport.definition;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken definition file stops start-up with the file, the entry and the problem, not a stack trace. */
class DefinitionFailureAnalyzer extends AbstractFailureAnalyzer<DefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DefinitionException cause) {
        return new FailureAnalysis(
                "The report definitions cannot be used.\n  File:    " + cause.file()
                        + "\n  Entry:   " + (cause.entry() == null ? "(whole file)" : cause.entry())
                        + "\n  Problem: " + cause.problem(),
                "Correct the file (see conversations/README.md for the format) and start the bot again.",
                cause);
    }
}
