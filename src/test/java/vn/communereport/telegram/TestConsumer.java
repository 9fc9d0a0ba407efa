package vn.communereport.telegram;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.Update;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.access.AccessService;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.Texts;

/**
 * The project's {@link UpdateConsumer} (with its retries of races and of a database that is down) for tests
 * outside this package, with what each turn says (as the engine wrote it to the outbox) collected instead of sent.
 */
public final class TestConsumer {

    private final UpdateConsumer consumer;
    private final List<Outbound> sent = new ArrayList<>();

    private final AccessService access;

    public TestConsumer(ConversationEngine engine, Texts texts, AccessService access) {
        this.access = access;
        TelegramSender sender = mock(TelegramSender.class);
        // Everything a turn says, as the engine put it in the outbox (these tests are about handling, not sending).
        OutboxDrainer outbox = mock(OutboxDrainer.class);
        doAnswer(invocation -> {
            List<Outbox.Queued> queued = invocation.getArgument(0);
            synchronized (sent) {
                queued.forEach(q -> sent.add(q.message()));
            }
            return null;
        }).when(outbox).sendNow(any(), any());
        consumer = new UpdateConsumer(engine, sender, outbox, texts, () -> true, Thread::sleep);
    }

    private long chatOf(Recipient to) {
        if (to instanceof Recipient.ToAddress at) {
            return Long.parseLong(at.address());
        }
        return access.reachableAddress(((Recipient.ToMember) to).memberId(), UpdateMapper.CHANNEL).map(Long::parseLong).orElse(-1L);
    }

    /** Handles one update as the long-polling library would hand it over. */
    public void consume(Update update) {
        consumer.consume(List.of(update));
    }

    /** Everything sent to this chat so far, oldest first. */
    public List<Outbound> sentTo(long chatId) {
        synchronized (sent) {
            return sent.stream().filter(m -> chatId == chatOf(m.to())).toList();
        }
    }
}
