package vn.communereport.web.approval;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.DepartmentHeads;
import vn.communereport.access.Member;
import vn.communereport.web.WebPrincipal;

/**
 * Who an approval request is made by, from the principal the session filter set and nothing the page sends: an active
 * member of the session's commune who heads their department. Anyone else is refused with the reason.
 */
@Component
public class HeadAccess {

    private final AccessService access;
    private final DepartmentHeads heads;

    HeadAccess(AccessService access, DepartmentHeads heads) {
        this.access = access;
        this.heads = heads;
    }

    /** The member behind the request, if signed in and still an active member of the session's commune. */
    Optional<Member> member(HttpServletRequest request) {
        Object attribute = request.getAttribute(WebPrincipal.ATTRIBUTE);
        if (!(attribute instanceof WebPrincipal principal)) {
            return Optional.empty();
        }
        return access.byId(principal.memberId()).filter(Member::isActive)
                .filter(m -> m.getCommuneCode() != null && m.getCommuneCode().equals(principal.communeCode()));
    }

    /** The head making the request; refused (403) for anyone who heads no department now. */
    Member head(HttpServletRequest request) {
        Member member = member(request).orElseThrow(() -> new ApprovalRefusal(HttpStatus.FORBIDDEN, "approvalweb.page.not-member"));
        if (!heads.isHead(member)) {
            throw new ApprovalRefusal(HttpStatus.FORBIDDEN, "approvalweb.page.not-head");
        }
        return member;
    }

    /** Whether the person signed in heads their department: the form's header then links to the approval page. */
    public boolean isHead(HttpServletRequest request) {
        return member(request).map(heads::isHead).orElse(false);
    }
}
