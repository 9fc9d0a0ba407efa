package vn.communereport.province.chat;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodKey;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.messaging.Texts;
import vn.communereport.province.chat.ProvinceCommand.Step;
import vn.communereport.province.progress.CommuneStatus;
import vn.communereport.province.progress.ProvinceProgress;

/**
 * Reminds a commune's office: one message to each of its office administrators per press, written to the outbox with
 * the step (so a delivery applied twice reminds once). The office chases its departments; the province does not
 * write to department members itself.
 */
@Component
class OfficeReminder {

    private final ProvinceProgress progress;
    private final AccessService access;
    private final Texts texts;
    private final Dates dates;

    OfficeReminder(ProvinceProgress progress, AccessService access, Texts texts, Dates dates) {
        this.progress = progress;
        this.access = access;
        this.texts = texts;
        this.dates = dates;
    }

    void remind(Step step, ReportDefinition report, PeriodKey key, CommuneDefinition commune) {
        CommuneStatus status = progress.of(commune, report, key);
        if (status.complete()) {
            step.say().notice = texts.get("province.remind.not-needed-notice");
            step.say().text(texts.get("province.remind.not-needed", commune.name(), report.name(), key.label()));
            return;
        }
        List<Member> admins = access.officeAdmins(commune.code());
        if (admins.isEmpty()) {
            step.say().text(texts.get("province.remind.no-admin", commune.name()));
            return;
        }
        String text = message(step, report, key, status);
        admins.forEach(admin -> step.say().tell(admin.getId(), text));
        step.say().notice = texts.get("province.remind.sent-notice");
        step.say().text(texts.get("province.remind.sent", admins.size(), commune.name(), report.name(), key.label()));
    }

    private String message(Step step, ReportDefinition report, PeriodKey key, CommuneStatus status) {
        String authority = step.province().authority();
        if (status.period() == null) {
            return texts.get("province.remind.office-not-opened", authority, report.name(), key.label(), status.commune().name());
        }
        String deadline = status.deadline() == null ? texts.get("province.remind.no-deadline") : dates.when(status.deadline());
        return texts.get("province.remind.office", authority, report.name(), key.label(), status.commune().name(), status.submitted(),
                status.expected(), deadline, String.join(", ", status.missing()));
    }
}
