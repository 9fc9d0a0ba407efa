package vn.communereport.collection;

import java.time.Instant;

/**
 * How far a department is with its part of a period. {@code inAt}: when the part came to count as in (approved, where
 * its head's approval was asked; handed in otherwise), null while it does not.
 */
public record DepartmentProgress(String departmentCode, int answered, int total, State state,
                                 Long submittedBy, Instant submittedAt, Instant inAt) {

    public DepartmentProgress(String departmentCode, int answered, int total, State state, Long submittedBy, Instant submittedAt) {
        this(departmentCode, answered, total, state, submittedBy, submittedAt, state == State.SUBMITTED ? submittedAt : null);
    }

    /** SUBMITTED: the part counts as in; AWAITING_APPROVAL: handed in, locked, waiting for the department head. */
    public enum State { NOT_STARTED, ANSWERING, SUBMITTED, REOPENED, AWAITING_APPROVAL }
}
