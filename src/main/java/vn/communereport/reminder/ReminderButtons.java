package vn.communereport.reminder;

import vn.communereport.messaging.Outbound.Button;

/**
 * The buttons under a reminder. The conversation makes them, since it alone encodes and reads button actions.
 */
public interface ReminderButtons {

    /** «Tiếp tục trả lời» under a member's reminder: answering that report (a member may owe several). */
    Button continueAnswering(String reportCode);

    /** «Nhắc tất cả» under the office's late summary. */
    Button remindAllLate();

    Button progress();
}
