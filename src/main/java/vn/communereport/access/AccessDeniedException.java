package vn.communereport.access;

/** An action that the person's role does not allow. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException() {
        super("not allowed for this member");
    }
}
