package vn.communereport.conversation;

import vn.communereport.messaging.Texts;

/** A button from an older screen, or one nobody made: said on the button, never acted on. */
final class Stale {

    private Stale() {
    }

    static void button(Turn turn, Texts texts) {
        turn.notice = texts.get("button.stale");
    }
}
