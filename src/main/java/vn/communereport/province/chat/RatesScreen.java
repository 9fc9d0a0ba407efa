package vn.communereport.province.chat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.VietnameseNumbers;
import vn.communereport.messaging.Texts;
import vn.communereport.province.chat.ProvinceCommand.Step;
import vn.communereport.province.progress.ReportingRates;

/** Completeness and timeliness per commune over the last periods (DHIS2's reporting rate and on-time rate). */
@Component
class RatesScreen {

    private final ReportingRates rates;
    private final Texts texts;

    RatesScreen(ReportingRates rates, Texts texts) {
        this.rates = rates;
        this.texts = texts;
    }

    void show(Step step, ReportDefinition report) {
        ReportingRates.Table table = rates.lastPeriods(step.province(), report, ProvinceChat.RATE_PERIODS);
        if (table.periods().isEmpty()) {
            step.say().text(texts.get("province.no-period", report.name(), step.province().name()));
            return;
        }
        String periods = table.periods().stream().map(PeriodKey::label).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder(texts.get("province.rates.header", report.name(), table.periods().size(), periods,
                step.province().name()));
        text.append('\n').append(texts.get("province.rates.explain"));
        for (ReportingRates.Rates commune : table.communes()) {
            text.append('\n').append(line(commune.commune().name(), commune));
        }
        text.append("\n\n").append(line(texts.get("province.rates.province"), table.province()));
        step.say().text(text.toString());
    }

    private String line(String name, ReportingRates.Rates rates) {
        return texts.get("province.rates.line", name, percent(rates.reportingRate()), rates.submitted(), rates.expected(),
                percent(rates.onTimeRate()), rates.onTime());
    }

    private String percent(Double rate) {
        return rate == null ? texts.get("province.rates.none") : VietnameseNumbers.format(BigDecimal.valueOf(rate).setScale(1, RoundingMode.HALF_UP)) + "%";
    }
}
