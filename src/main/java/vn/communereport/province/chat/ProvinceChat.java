package vn.communereport.province.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Outbound.Button;
import vn.communereport.messaging.Texts;
import vn.communereport.province.ProvinceReply;
import vn.communereport.province.ProvinceRequest;
import vn.communereport.province.chat.ProvinceButtons.Act;
import vn.communereport.province.chat.ProvinceButtons.Press;
import vn.communereport.province.chat.ProvinceCommand.Step;
import vn.communereport.province.definition.ProvinceDefinition;
import vn.communereport.province.definition.Provinces;
import vn.communereport.province.progress.ProvinceProgress;

/**
 * A province administrator's commands and buttons: /tiendo (each commune's progress), /tonghop (the summary), /tylenop
 * (reporting rates), /trogiup. When the province's communes owe several reports, or a report has several periods, the
 * person picks with buttons first. Every button is read back through {@link ProvinceButtons} and checked against the
 * person's own province: a commune of another province is refused like a forged button.
 */
@Component
public class ProvinceChat {

    /** Periods offered to pick from, newest first. */
    static final int PERIOD_CHOICES = 6;
    /** The last periods the reporting rates are counted over. */
    static final int RATE_PERIODS = 4;

    private final Provinces provinces;
    private final ProvinceProgress progress;
    private final ProgressScreen progressScreen;
    private final SummaryScreen summaryScreen;
    private final RatesScreen ratesScreen;
    private final OfficeReminder reminder;
    private final Texts texts;
    private final List<ProvinceCommand> commands;

    ProvinceChat(Provinces provinces, ProvinceProgress progress, ProgressScreen progressScreen, SummaryScreen summaryScreen,
                 RatesScreen ratesScreen, OfficeReminder reminder, Texts texts) {
        this.provinces = provinces;
        this.progress = progress;
        this.progressScreen = progressScreen;
        this.summaryScreen = summaryScreen;
        this.ratesScreen = ratesScreen;
        this.reminder = reminder;
        this.texts = texts;
        this.commands = List.of(
                new ProvinceCommand("tiendo", List.of(), (step, argument) -> chooseReport(step, "p")),
                new ProvinceCommand("tonghop", List.of(), (step, argument) -> chooseReport(step, "s")),
                new ProvinceCommand("tylenop", List.of(), (step, argument) -> chooseReport(step, "t")),
                new ProvinceCommand("trogiup", List.of("help", "start"), (step, argument) -> help(step)));
    }

    /** The commands of a province administrator's menu, each {@code province.menu.<name>}, from the same list as the router's. */
    public List<Map.Entry<String, String>> menu() {
        return commands.stream().map(c -> Map.entry(c.name(), texts.get("province.menu." + c.name()))).toList();
    }

    public ProvinceReply handle(ProvinceDefinition province, ProvinceRequest request) {
        Step step = new Step(province, new Say(request.from()));
        if (request.buttonData() != null) {
            press(step, request.buttonData());
        } else if (request.text() != null && request.text().strip().startsWith("/")) {
            command(step, request.text().strip());
        } else {
            help(step);
        }
        return new ProvinceReply(step.say().out, step.say().notice);
    }

    private void command(Step step, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Texts.VIETNAMESE);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        Optional<ProvinceCommand> command = commands.stream().filter(c -> c.answersTo(name)).findFirst();
        if (command.isEmpty()) {
            step.say().text(texts.get("province.command.unknown"));
            return;
        }
        command.get().action().accept(step, argument);
    }

    private void help(Step step) {
        StringBuilder text = new StringBuilder(texts.get("province.help.header", step.province().name(),
                provinces.communes(step.province()).size()));
        for (ProvinceCommand command : commands) {
            text.append('\n').append(texts.get("province.help.line", command.name(), texts.get("province.help." + command.name())));
        }
        step.say().text(text.toString());
    }

    /** The report to act on: asked when the province's communes owe several. */
    private void chooseReport(Step step, String next) {
        List<ReportDefinition> reports = provinces.reports(step.province());
        if (reports.isEmpty()) {
            step.say().text(texts.get("province.no-report", step.province().name()));
            return;
        }
        if (reports.size() == 1) {
            reportChosen(step, reports.get(0), next);
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (ReportDefinition report : reports) {
            rows.add(List.of(ProvinceButtons.button(report.name(), Act.REPORT, report.code(), next, null)));
        }
        step.say().text(texts.get("province.choose-report"), rows);
    }

    /** Then the period, asked when the communes have opened several. */
    private void reportChosen(Step step, ReportDefinition report, String next) {
        if (next.equals("t")) {
            ratesScreen.show(step, report);
            return;
        }
        List<PeriodKey> periods = progress.periods(step.province(), report);
        if (periods.isEmpty()) {
            step.say().text(texts.get("province.no-period", report.name(), step.province().name()));
            return;
        }
        if (periods.size() == 1) {
            periodChosen(step, report, periods.get(0), next);
            return;
        }
        List<List<Button>> rows = new ArrayList<>();
        for (PeriodKey key : periods.subList(0, Math.min(PERIOD_CHOICES, periods.size()))) {
            rows.add(List.of(ProvinceButtons.button(key.label(), next.equals("s") ? Act.SUMMARY : Act.PROGRESS, report.code(),
                    key.key(), null)));
        }
        step.say().text(texts.get("province.choose-period", report.name()), rows);
    }

    private void periodChosen(Step step, ReportDefinition report, PeriodKey key, String next) {
        if (next.equals("s")) {
            summaryScreen.send(step, report, key);
        } else {
            progressScreen.show(step, report, key);
        }
    }

    private void press(Step step, String data) {
        Optional<Press> read = ProvinceButtons.read(data);
        if (read.isEmpty()) {
            refuse(step, "province.refused.button");
            return;
        }
        Press press = read.get();
        Optional<ReportDefinition> report = provinces.report(step.province(), press.report());
        if (report.isEmpty()) {
            refuse(step, "province.refused.button");
            return;
        }
        if (press.act() == Act.REPORT) {
            reportChosen(step, report.get(), press.period());
            return;
        }
        if (press.act() == Act.RATES) {
            ratesScreen.show(step, report.get());
            return;
        }
        PeriodKey key = PeriodKey.parse(press.period());
        if (key.frequency() != report.get().frequency()) {
            refuse(step, "province.refused.button");
            return;
        }
        if (press.act() == Act.REMIND) {
            Optional<CommuneDefinition> commune = provinces.commune(step.province(), press.commune())
                    .filter(c -> provinces.communesOwing(step.province(), report.get()).contains(c));
            if (commune.isEmpty()) {
                refuse(step, "province.refused.commune");
                return;
            }
            reminder.remind(step, report.get(), key, commune.get());
            return;
        }
        periodChosen(step, report.get(), key, press.act() == Act.SUMMARY ? "s" : "p");
    }

    /** A button that is not one of ours, or not for this province: nothing is done, and the person is told why. */
    private void refuse(Step step, String key) {
        step.say().notice = texts.get("province.refused.notice");
        step.say().text(texts.get(key, step.province().name()));
    }
}
