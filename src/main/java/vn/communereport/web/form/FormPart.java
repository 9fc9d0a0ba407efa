package vn.communereport.web.form;

import vn.communereport.access.Member;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportScope;

/** Whose form a request is about: the member the session proved, their commune's report, the current period, their flow. */
record FormPart(Member member, ReportScope scope, ReportingPeriod period, Flow flow) {

    String departmentName() {
        return scope.department(flow.departmentCode()).name();
    }
}
