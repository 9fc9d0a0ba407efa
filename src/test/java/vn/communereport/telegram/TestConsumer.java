package vn.communereport.telegram;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.Update;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Texts;

/**
 * The project's {@link UpdateConsumer} (with its retries of races and of a database that is down) for tests
 * outside this package, with what it would send to Telegram collected instead of sent.
 */
public final class TestConsumer {

    private final UpdateConsumer consumer;
    private final List<Outbound> sent = new ArrayList<>();

    public TestConsumer(ConversationEngine engine, Texts texts) {
        TelegramSender sender = mock(TelegramSender.class);
        when(sender.send(any())).thenAnswer(invocation -> {
            synchronized (sent) {
                sent.add(invocation.getArgument(0));
            }
            return TelegramSender.Delivery.SENT;
        });
        consumer = new UpdateConsumer(engine, sender, texts, () -> true, Thread::sleep);
    }

    /** Handles one update as the long-polling library would hand it over. */
    public void consume(Update update) {
        consumer.consume(List.of(update));
    }

    /** Everything sent to this chat so far, oldest first. */
    public List<Outbound> sentTo(long chatId) {
        synchronized (sent) {
            return sent.stream().filter(m -> m.chatId() == chatId).toList();
        }
    }
}
