package vn.communereport.province.definition;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.Definitions;
import vn.communereport.definition.ReportDefinition;

/** The provinces of the deployment, read once at start: who administers which, and which communes and reports are theirs. */
@Component
public class Provinces {

    /** The channel province administrators are named on (their Telegram user id). */
    public static final String TELEGRAM = "telegram";

    private final List<ProvinceDefinition> provinces;
    private final Definitions definitions;

    @Autowired
    Provinces(Definitions definitions, @Value("${app.conversations-dir:conversations}") String conversationsDir) {
        this(definitions, ProvinceReader.read(Path.of(conversationsDir), definitions.communes().values()));
    }

    public Provinces(Definitions definitions, List<ProvinceDefinition> provinces) {
        this.definitions = definitions;
        this.provinces = List.copyOf(provinces);
    }

    public List<ProvinceDefinition> all() {
        return provinces;
    }

    /** The province a person administers, by the channel and user they write from. */
    public Optional<ProvinceDefinition> administeredBy(String channel, String userRef) {
        if (!TELEGRAM.equals(channel) || userRef == null) {
            return Optional.empty();
        }
        return provinces.stream().filter(p -> p.adminTelegramIds().contains(userRef)).findFirst();
    }

    /** The province's communes, by name, as its administrators read them. */
    public List<CommuneDefinition> communes(ProvinceDefinition province) {
        return definitions.communes().values().stream().filter(c -> c.province().equals(province.name()))
                .sorted(Comparator.comparing(CommuneDefinition::name, java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN"))))
                .toList();
    }

    /** The commune if it is one of the province's; an id from another province is as unknown as a forged one. */
    public Optional<CommuneDefinition> commune(ProvinceDefinition province, String communeCode) {
        return definitions.commune(communeCode).filter(c -> c.province().equals(province.name()));
    }

    /**
     * The reports some commune of the province owes. A commune owes a report whose every department is one of its own
     * (as {@code definition.ReportScopes} decides it).
     */
    public List<ReportDefinition> reports(ProvinceDefinition province) {
        List<CommuneDefinition> communes = communes(province);
        return definitions.reports().values().stream().filter(r -> communes.stream().anyMatch(c -> owes(c, r)))
                .sorted(Comparator.comparing(ReportDefinition::code)).toList();
    }

    public Optional<ReportDefinition> report(ProvinceDefinition province, String reportCode) {
        return reports(province).stream().filter(r -> r.code().equals(reportCode)).findFirst();
    }

    /** The communes of the province that owe the report. */
    public List<CommuneDefinition> communesOwing(ProvinceDefinition province, ReportDefinition report) {
        return communes(province).stream().filter(c -> owes(c, report)).toList();
    }

    static boolean owes(CommuneDefinition commune, ReportDefinition report) {
        return !report.flowsByDepartment().isEmpty()
                && report.flowsByDepartment().keySet().stream().allMatch(d -> commune.department(d).isPresent());
    }
}
