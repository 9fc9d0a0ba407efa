package vn.communereport.conversation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.LateEntries;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.ReportScope;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * The office lets one department of the current period enter late, to the end of a day, whatever the channel
 * ({@code /nhapmuon} in the chat, the console's form): {@link LateEntries} checks what may be granted and audits it;
 * granted, the department's members are to be told, with the chat's «Tiếp tục» button. The caller has checked the
 * day is readable and writes the notices to the outbox in its transaction.
 */
@Component
public class LateEntryGrant {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PeriodService periods;
    private final LateEntries lateEntries;
    private final AccessService access;
    private final OfficeMenu menu;
    private final Texts texts;

    LateEntryGrant(PeriodService periods, LateEntries lateEntries, AccessService access, OfficeMenu menu, Texts texts) {
        this.periods = periods;
        this.lateEntries = lateEntries;
        this.access = access;
        this.menu = menu;
        this.texts = texts;
    }

    /** Empty outcome when the person is not the office of the scope's commune or the department is not in the report. */
    public OfficeDesk.Result<java.util.Optional<LateEntries.Grant>> grant(ReportScope scope, Member admin, String departmentCode,
                                                                          LocalDate endsOn) {
        if (!admin.isOfficeAdmin() || !scope.communeCode().equals(admin.getCommuneCode()) || departmentCode == null
                || scope.flowOf(departmentCode).isEmpty() || scope.commune().department(departmentCode).isEmpty()) {
            return OfficeDesk.Result.only(java.util.Optional.empty());
        }
        ReportingPeriod period = periods.currentPeriod(scope);
        LateEntries.Grant grant = lateEntries.grant(period, departmentCode, endsOn, admin.getId());
        List<Outbound> notices = new ArrayList<>();
        if (grant.outcome() == LateEntries.Outcome.GRANTED) {
            String notice = texts.get("windows.late.member", scope.office(), scope.department(departmentCode).name(),
                    texts.get("communes.report-period", scope.report().name(), period.key().label()), DAY.format(endsOn));
            for (Member member : access.departmentMembers(scope.communeCode(), departmentCode)) {
                notices.add(new Outbound(Recipient.member(member.getId()), notice,
                        List.of(List.of(menu.continueAnswering(scope.reportCode())))));
            }
        }
        return new OfficeDesk.Result<>(java.util.Optional.of(grant), notices);
    }
}
