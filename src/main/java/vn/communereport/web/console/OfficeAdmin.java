package vn.communereport.web.console;

import vn.communereport.access.Member;
import vn.communereport.definition.ReportScope;
import vn.communereport.web.WebPrincipal;

/** The office administrator a console request is made by, checked against the database, and the commune's report. */
record OfficeAdmin(WebPrincipal principal, Member member, ReportScope scope) {
}
