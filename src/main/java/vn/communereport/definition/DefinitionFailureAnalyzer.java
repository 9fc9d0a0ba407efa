package vn.communereport.definition;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken definition file stops start-up with the file, the entry and the problem, not a stack trace. */
class DefinitionFailureAnalyzer extends AbstractFailureAnalyzer<DefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DefinitionException cause) {
        String entry = cause.entry() == null ? DefinitionTexts.get("definition.failure.whole-file") : cause.entry();
        return new FailureAnalysis(
                DefinitionTexts.get("definition.failure.description", String.valueOf(cause.file()), entry, cause.problem()),
                DefinitionTexts.get("definition.failure.action"),
                cause);
    }
}
