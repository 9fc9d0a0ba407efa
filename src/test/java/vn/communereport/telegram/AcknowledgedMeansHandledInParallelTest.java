package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.communereport.testsupport.botapi.FakeUser;

/**
 * Every test of {@link AcknowledgedMeansHandledTest} again with two handler threads (the default), and what the
 * threads add: another chat of the same batch is answered while one chat is slow, yet the batch is confirmed to
 * Telegram only when both are done.
 */
class AcknowledgedMeansHandledInParallelTest extends AcknowledgedMeansHandledTest {

    @Override
    int handlerThreads() {
        return 2;
    }

    @Test
    void aSlowChatDoesNotHoldBackAnotherChatOfTheSameBatchButHoldsBackTheConfirmation() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch slowHeld = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        cleanups.add(releaseFirst::countDown);
        cleanups.add(releaseSlow::countDown);
        behaviour = in -> {
            if ("giữ".equals(in.text())) {
                firstHeld.countDown();
                awaitUninterruptibly(releaseFirst);
            } else if ("chậm".equals(in.text())) {
                slowHeld.countDown();
                awaitUninterruptibly(releaseSlow);
            }
            return echo(in);
        };
        FakeUser holder = api.user(3001, "Vàng A Sử");
        FakeUser slow = api.user(3002, "Lò Thị Lan");
        FakeUser quick = api.user(3003, "Tao Văn Pao");
        // While the first update is held, two others queue up and come back together in the next batch.
        holder.sends("giữ");
        assertThat(firstHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        long slowUpdate = slow.sends("chậm");
        long quickUpdate = quick.sends("nhanh");
        releaseFirst.countDown();
        holder.awaitText("Đã nhận: giữ", WAIT);

        assertThat(slowHeld.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        quick.awaitText("Đã nhận: nhanh", WAIT);
        long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < until) {
            assertThat(api.highestConfirmedOffset()).as("offset sent while update %d is still being handled", slowUpdate)
                    .isLessThanOrEqualTo(Math.min(slowUpdate, quickUpdate));
            Thread.sleep(50);
        }
        releaseSlow.countDown();
        slow.awaitText("Đã nhận: chậm", WAIT);
        api.awaitConfirmed(Math.max(slowUpdate, quickUpdate), WAIT);
        assertThat(api.pendingUpdateCount()).isZero();
    }
}
