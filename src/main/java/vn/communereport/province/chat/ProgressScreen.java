package vn.communereport.province.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.province.chat.ProvinceButtons.Act;
import vn.communereport.province.chat.ProvinceCommand.Step;
import vn.communereport.province.progress.CommuneStatus;
import vn.communereport.province.progress.ProvinceProgress;

/** /tiendo at province level: each commune, parts handed in x of y, on time or late; a reminder button for those not done. */
@Component
class ProgressScreen {

    private final ProvinceProgress progress;
    private final Texts texts;
    private final Dates dates;

    ProgressScreen(ProvinceProgress progress, Texts texts, Dates dates) {
        this.progress = progress;
        this.texts = texts;
        this.dates = dates;
    }

    void show(Step step, ReportDefinition report, PeriodKey key) {
        List<CommuneStatus> statuses = progress.of(step.province(), report, key);
        StringBuilder text = new StringBuilder(texts.get("province.progress.header", report.name(), key.label(), step.province().name()));
        int complete = 0;
        int onTime = 0;
        List<Button> remind = new ArrayList<>();
        for (CommuneStatus status : statuses) {
            text.append('\n').append(line(status));
            if (status.complete()) {
                complete++;
                onTime += status.state() == CommuneStatus.State.COMPLETE_ON_TIME ? 1 : 0;
            } else {
                remind.add(ProvinceButtons.button(texts.get("province.button.remind", status.commune().name()), Act.REMIND,
                        report.code(), key.key(), status.commune().code()));
            }
        }
        text.append("\n\n").append(texts.get("province.progress.footer", complete, statuses.size(), onTime));
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < remind.size(); i += 2) {
            rows.add(remind.subList(i, Math.min(i + 2, remind.size())));
        }
        rows.add(List.of(ProvinceButtons.button(texts.get("province.button.summary"), Act.SUMMARY, report.code(), key.key(), null),
                ProvinceButtons.button(texts.get("province.button.refresh"), Act.PROGRESS, report.code(), key.key(), null)));
        rows.add(List.of(ProvinceButtons.button(texts.get("province.button.rates"), Act.RATES, report.code(), null, null)));
        step.say().text(text.toString(), rows);
    }

    private String line(CommuneStatus status) {
        String name = status.commune().name();
        return switch (status.state()) {
            case NOT_OPENED -> texts.get("province.progress.not-opened", name);
            case IN_PROGRESS -> status.deadline() == null
                    ? texts.get("province.progress.in-progress", name, status.submitted(), status.expected())
                    : texts.get("province.progress.in-progress-deadline", name, status.submitted(), status.expected(),
                            dates.when(status.deadline()));
            case OVERDUE -> texts.get("province.progress.overdue", name, status.submitted(), status.expected(), dates.when(status.deadline()));
            case COMPLETE_ON_TIME -> texts.get("province.progress.on-time", name, status.submitted(), status.expected());
            case COMPLETE_LATE -> texts.get("province.progress.late", name, status.submitted(), status.expected(),
                    status.expected() - status.onTime());
        };
    }
}
