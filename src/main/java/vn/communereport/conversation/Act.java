package vn.communereport.conversation;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a button can ask for, with the short code that goes into Telegram's 64-byte callback data and
 * the shape of its argument. The codes are those of buttons already sitting in people's chats: keep them.
 */
enum Act {
    // answering one question (the argument is the question's id)
    CHOOSE("ch", Arg.CHOICE),
    YES("y", Arg.QUESTION),
    NO("n", Arg.QUESTION),
    KEEP("k", Arg.QUESTION),
    SKIP("s", Arg.QUESTION),
    BACK("b", Arg.QUESTION),
    PAUSE("p", Arg.QUESTION),
    NARRATIVE_DONE("d", Arg.QUESTION),
    NARRATIVE_CLEAR("c", Arg.QUESTION),
    OVERWRITE("ow", Arg.QUESTION),
    KEEP_THEIRS("kw", Arg.QUESTION),
    SAVE_WARNING("wy", Arg.QUESTION),
    REENTER("wn", Arg.QUESTION),
    KEEP_PREVIOUS("prev", Arg.QUESTION),
    // the department's part
    CONTINUE("go", Arg.NONE),
    REVIEW("rv", Arg.NONE),
    EDIT("ed", Arg.QUESTION),
    EDIT_LIST("edl", Arg.NUMBER),
    SUBMIT("sub", Arg.NONE),
    CONFIRM_SUBMIT("subok", Arg.NUMBER),
    /** the figures with warnings of a kept spreadsheet (the argument is its reference, "id-token") */
    CONFIRM_SHEET("xls", Arg.CODE),
    // the office
    PROGRESS("prog", Arg.NONE),
    INVITE("inv", Arg.CODE_OR_EMPTY),
    REOPEN("rop", Arg.CODE),
    OPEN_PERIOD("okp", Arg.CODE),
    CLOSE_PERIOD("close", Arg.NUMBER),
    REMIND("rem", Arg.CODE),
    REVOKE("rvk", Arg.NUMBER),
    COMPILE("draft", Arg.NUMBER_OR_EMPTY),
    // what the person acts for
    /** one of the person's memberships (the argument is the member's id, checked against the person's own) */
    PICK_MEMBER("mem", Arg.NUMBER),
    /** one of the reports the member may answer (the argument is the report's code, checked against theirs) */
    PICK_REPORT("rep", Arg.CODE),
    // a block's drafted first sentence (the argument is the narrative question's id; to use it, with the sentence's fingerprint)
    DRAFT_ACCEPT("sa", Arg.CHOICE),
    DRAFT_EDIT("se", Arg.QUESTION),
    DRAFT_DROP("sd", Arg.QUESTION),
    // cut-off windows
    /** the office opens a proposed period (the argument is "<period key>-<report code>", checked against the proposals) */
    OPEN_PROPOSED("okw", Arg.CODE),
    /** the office lets one department enter late (the argument is the department's code) */
    LATE_ENTRY("late", Arg.CODE),
    // the department head's approval (the argument is the submission's reference, "id-version")
    APPROVE_PART("hok", Arg.CODE),
    RETURN_PART("hret", Arg.CODE),
    // heads named by the office
    /** an invite whose holder becomes the head (the argument is the department's code) */
    INVITE_HEAD("invh", Arg.CODE),
    HEAD_CHOOSE("hds", Arg.NONE),
    /** the member named head of the department they are in (the argument is the member's id) */
    NAME_HEAD("hname", Arg.NUMBER),
    /** the department whose head is removed */
    REMOVE_HEAD("hdel", Arg.CODE),
    /** the department whose waiting part the office opens to approve itself, its head gone */
    OFFICE_APPROVAL("oapr", Arg.CODE);

    /** The shapes an argument may have; anything else is refused before a handler sees it. */
    enum Arg {
        NONE(Pattern.compile("")),
        QUESTION(Pattern.compile("[a-z0-9-]{1,24}")),
        CHOICE(Pattern.compile("[a-z0-9-]{1,24}:[A-Za-z0-9.-]{1,12}")),
        NUMBER(Pattern.compile("\\d{1,18}")),
        NUMBER_OR_EMPTY(Pattern.compile("\\d{0,18}")),
        CODE(Pattern.compile("[A-Za-z0-9-]{1,40}")),
        CODE_OR_EMPTY(Pattern.compile("[A-Za-z0-9-]{0,40}"));

        private final Pattern shape;

        Arg(Pattern shape) {
            this.shape = shape;
        }

        boolean accepts(String argument) {
            return shape.matcher(argument).matches();
        }
    }

    final String code;
    final Arg arg;

    Act(String code, Arg arg) {
        this.code = code;
        this.arg = arg;
    }

    static Optional<Act> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
