package vn.communereport.conversation;

/** A button's meaning: what to do and about what. Made and read only by {@link ActionCodec}. */
record Action(Act act, String argument) {

    static Action of(Act act) {
        return new Action(act, "");
    }

    static Action of(Act act, Object argument) {
        return new Action(act, String.valueOf(argument));
    }

    /** The question a question's button is about (for {@link Act#CHOOSE}, before the choice). */
    String questionId() {
        int colon = argument.indexOf(':');
        return colon < 0 ? argument : argument.substring(0, colon);
    }

    /** The input a choice stands for ("1" for yes). */
    String choice() {
        int colon = argument.indexOf(':');
        return colon < 0 ? "" : argument.substring(colon + 1);
    }

    long number() {
        return argument.isEmpty() ? -1 : Long.parseLong(argument);
    }
}
