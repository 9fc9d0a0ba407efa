package vn.communereport.access;

/** What happened when someone used an invite code. */
public enum InviteOutcome {
    JOINED, UNKNOWN, USED, EXPIRED
}
