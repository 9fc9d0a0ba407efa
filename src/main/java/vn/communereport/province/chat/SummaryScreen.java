package vn.communereport.province.chat;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Texts;
import vn.communereport.province.chat.ProvinceCommand.Step;
import vn.communereport.province.progress.CommuneStatus;
import vn.communereport.province.summary.ProvinceSummary;

/** The province summary: which communes the totals count, then the XLSX and the ZIP of the communes' DOCX. */
@Component
class SummaryScreen {

    private final ProvinceSummary summaries;
    private final Texts texts;

    SummaryScreen(ProvinceSummary summaries, Texts texts) {
        this.summaries = summaries;
        this.texts = texts;
    }

    void send(Step step, ReportDefinition report, PeriodKey key) {
        ProvinceSummary.Summary summary = summaries.build(step.province(), report, key);
        StringBuilder text = new StringBuilder(texts.get("province.summary.header", report.name(), key.label(), step.province().name(),
                summary.counted(), summary.communes().size()));
        if (summary.counted() < summary.communes().size()) {
            text.append("\n\n").append(texts.get("province.summary.not-counted"));
            for (CommuneStatus status : summary.communes()) {
                if (!status.complete()) {
                    text.append('\n').append(status.period() == null
                            ? texts.get("province.summary.not-counted-unopened", status.commune().name())
                            : texts.get("province.summary.not-counted-line", status.commune().name(), status.submitted(), status.expected()));
                }
            }
        }
        step.say().text(text.toString());
        step.say().attach(summary.xlsx());
        step.say().attach(summary.zip());
    }
}
