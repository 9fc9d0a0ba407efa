package vn.communereport.reminder;

import vn.communereport.collection.PeriodKey;
import vn.communereport.messaging.Outbound.Button;

/** The button under a period's proposal; the conversation makes it, since it alone encodes and reads button actions. */
public interface ProposalButtons {

    /** «Mở kỳ …»: one tap opens the proposed period of the report with the deadline its definition gives. */
    Button openProposed(String reportCode, PeriodKey key);
}
