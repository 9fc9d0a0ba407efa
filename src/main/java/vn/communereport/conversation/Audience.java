package vn.communereport.conversation;

import vn.communereport.access.Member;

/** Who may use a command or a button. */
public enum Audience {
    /** Anyone the bot knows: members and office administrators. */
    EVERYONE,
    /** Members of a department that owes a part of the report. */
    MEMBERS,
    /** Office administrators. */
    OFFICE;

    boolean admits(Member member) {
        return this != OFFICE || member.isOfficeAdmin();
    }
}
