package vn.communereport.definition;

/**
 * Who signs a department's part off before it counts as in, and whom the reminders escalate to. Read from
 * {@code approval:} and {@code reminders: escalate:} of report.yaml by {@link ApprovalPolicyReader}.
 *
 * @param byHead           whether a part submitted by a department that has a head waits for the head's approval (a
 *                         department with no head named hands its part in as before: it counts as in on submission)
 * @param headApprovesOwn  whether a head's own submission counts as approved at once ({@code own_part: approved}); if
 *                         not ({@code own_part: office}, the default), the office approves it
 * @param escalation       when reminders go up to the head and then to the office; {@link Escalation#none()} for never
 */
public record ApprovalPolicy(boolean byHead, boolean headApprovesOwn, Escalation escalation) {

    /**
     * Escalation of reminders, in working days after the deadline day: the head is told which of their department's
     * members have not answered, then the office who has not; each null when that step is not taken.
     */
    public record Escalation(Integer headAfterWorkingDays, Integer officeAfterWorkingDays) {

        public static Escalation none() {
            return new Escalation(null, null);
        }

        public boolean any() {
            return headAfterWorkingDays != null || officeAfterWorkingDays != null;
        }
    }

    public static ApprovalPolicy none() {
        return new ApprovalPolicy(false, false, Escalation.none());
    }
}
