package vn.communereport.web.console;

import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.communereport.access.AccessService;

import vn.communereport.access.Member;
import vn.communereport.definition.ReportScope;
import vn.communereport.acting.ActingScopes;
import vn.communereport.web.WebPrincipal;

/**
 * Gives console handlers the {@link OfficeAdmin} making the request, or refuses it (403). The session's principal is
 * checked against the stored member as well: office rights taken away, or the member gone, count from that moment.
 */
class OfficeAdminResolver implements HandlerMethodArgumentResolver {

    private final AccessService access;
    private final ActingScopes scopes;

    OfficeAdminResolver(AccessService access, ActingScopes scopes) {
        this.access = access;
        this.scopes = scopes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == OfficeAdmin.class;
    }

    @Override
    public OfficeAdmin resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                       WebDataBinderFactory binders) {
        WebPrincipal principal = principal(request);
        Member member = administrator(access, principal);
        // The report the administrator acts in, as in the chat (/baocao); never one picked for them.
        ActingScopes.Resolution resolution = scopes.resolve(member);
        if (resolution.mustChoose()) {
            throw ConsoleRefusal.reportNotChosen();
        }
        Optional<ReportScope> scope = resolution.scope();
        if (scope.isEmpty()) {
            throw ConsoleRefusal.forbidden();
        }
        return new OfficeAdmin(principal, member, scope.get());
    }

    static WebPrincipal principal(NativeWebRequest request) {
        Object attribute = request.getAttribute(WebPrincipal.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(attribute instanceof WebPrincipal principal) || !principal.officeAdmin()) {
            throw ConsoleRefusal.forbidden();
        }
        return principal;
    }

    /** The session's office administrator as stored now, whatever report they act in; refused (403) otherwise. */
    static Member administrator(AccessService access, WebPrincipal principal) {
        return access.byId(principal.memberId())
                .filter(m -> m.isActive() && m.isOfficeAdmin() && m.getCommuneCode().equals(principal.communeCode()))
                .orElseThrow(ConsoleRefusal::forbidden);
    }
}
