package vn.communereport.collection;

import java.time.Instant;

/** How far a department is with its part of a period. */
public record DepartmentProgress(String departmentCode, int answered, int total, State state,
                                 Long submittedBy, Instant submittedAt) {

    /** SUBMITTED: the part counts as in; AWAITING_APPROVAL: handed in, locked, waiting for the department head. */
    public enum State { NOT_STARTED, ANSWERING, SUBMITTED, REOPENED, AWAITING_APPROVAL }
}
