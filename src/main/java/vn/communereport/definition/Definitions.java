package vn.communereport.definition;

import java.util.Map;
import java.util.Optional;

/** Everything read from {@code conversations/}: communes and report types. */
public record Definitions(Map<String, CommuneDefinition> communes, Map<String, ReportDefinition> reports) {

    public Optional<CommuneDefinition> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }

    public Optional<ReportDefinition> report(String code) {
        return Optional.ofNullable(reports.get(code));
    }
}
