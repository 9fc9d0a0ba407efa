package vn.communereport.web.form;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;
import vn.communereport.acting.ActingScopes;
import vn.communereport.web.WebPrincipal;

/**
 * Finds whose form a request is about from the principal the session filter put on it, and nothing else the page
 * sends: a stranger, a revoked member or a person with no department's part is refused with the reason.
 */
@Component
class FormAccess {

    private final AccessService access;
    private final ActingScopes scopes;
    private final PeriodService periods;

    FormAccess(AccessService access, ActingScopes scopes, PeriodService periods) {
        this.access = access;
        this.scopes = scopes;
        this.periods = periods;
    }

    FormPart part(HttpServletRequest request) {
        Object attribute = request.getAttribute(WebPrincipal.ATTRIBUTE);
        if (!(attribute instanceof WebPrincipal principal)) {
            throw new FormRefusal(HttpStatus.UNAUTHORIZED, "form.error.signed-out");
        }
        Optional<Member> found = access.byId(principal.memberId())
                .filter(m -> m.getCommuneCode() != null && m.getCommuneCode().equals(principal.communeCode()));
        if (found.isEmpty() || !found.get().isActive()) {
            throw new FormRefusal(HttpStatus.FORBIDDEN, "form.error.not-member");
        }
        Member member = found.get();
        // The report the member acts in, as in the chat; when several are open and none chosen, the chat asks first.
        ActingScopes.Resolution resolution = scopes.resolve(member);
        if (resolution.mustChoose()) {
            throw new FormRefusal(HttpStatus.CONFLICT, "communes.choose-report-first");
        }
        ReportScope scope = resolution.scope().orElseThrow(() -> new FormRefusal(HttpStatus.FORBIDDEN, "form.error.not-member"));
        Optional<Flow> flow = scope.flowOf(member.getDepartmentCode());
        if (flow.isEmpty() && !member.isOfficeAdmin()) {
            throw new FormRefusal(HttpStatus.FORBIDDEN, "form.error.not-member"); // taken out of their department
        }
        if (flow.isEmpty()) {
            throw new FormRefusal(HttpStatus.NOT_FOUND, "form.error.no-part", scope.office());
        }
        ReportingPeriod period = periods.currentPeriod(scope);
        return new FormPart(member, scope, period, flow.get());
    }
}
