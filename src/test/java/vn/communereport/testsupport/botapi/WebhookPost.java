package vn.communereport.testsupport.botapi;

import java.time.Instant;

/** One POST of an update to a webhook target, with its answer (-1: none: the connection was refused, reset or timed out). */
public record WebhookPost(long updateId, String target, int status, Instant at) {

    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
