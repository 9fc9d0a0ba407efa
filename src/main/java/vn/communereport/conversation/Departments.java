package vn.communereport.conversation;

import java.util.Optional;

import vn.communereport.definition.Department;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Texts;

/** Finds a department as the office names it: its code, its name or its short name, in any case. */
final class Departments {

    private Departments() {
    }

    static Optional<Department> find(ReportScope scope, String argument) {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        String wanted = argument.trim().toLowerCase(Texts.VIETNAMESE);
        return scope.commune().departments().stream()
                .filter(d -> d.code().equals(wanted) || d.name().toLowerCase(Texts.VIETNAMESE).equals(wanted)
                        || d.shortName().toLowerCase(Texts.VIETNAMESE).equals(wanted))
                .findFirst();
    }
}
