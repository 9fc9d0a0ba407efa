package vn.communereport.conversation;

import java.util.List;

/** The commands a channel shows in its menu, for members and for office administrators. */
public interface CommandMenu {

    record Entry(String name, String description) {
    }

    /** What a department member sees. */
    List<Entry> forMembers();

    /** What an office administrator sees: every member command and the office's. */
    List<Entry> forOffice();
}
