package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.conversation.Reply;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.TestTexts;
import vn.communereport.testsupport.Updates;

/**
 * Group commit at the polling edge, with the engine mocked: a batch's chats dealt to the handler threads, each
 * thread's updates stored with one call of {@link ConversationEngine#handleTogether} (one transaction) per at most
 * {@code updatesPerCommit}, every reply sent only after that call returned, each chat in order; and when the shared
 * transaction fails, every update of it handled again on its own, so that one person's failure loses no one else's
 * answer.
 */
class GroupCommitTest {

    final ConversationEngine engine = mock(ConversationEngine.class);
    final OutboxDrainer outbox = mock(OutboxDrainer.class);
    final TelegramSender sender = mock(TelegramSender.class);
    /** Each call of handleTogether: the chats (user ids) of its steps, in order. */
    final List<List<Long>> commits = Collections.synchronizedList(new ArrayList<>());
    /** Each update handled alone (engine.handle), by user id. */
    final List<Long> alone = Collections.synchronizedList(new ArrayList<>());
    /** What was sent, per chat, in order; and whether its commit had returned when it was. */
    final Map<Long, List<String>> sent = Collections.synchronizedMap(new TreeMap<>());
    final List<String> sentBeforeCommit = Collections.synchronizedList(new ArrayList<>());
    final ThreadLocal<List<String>> committing = new ThreadLocal<>();
    UpdateConsumer consumer;

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.finish(java.time.Duration.ofSeconds(5));
        }
    }

    UpdateConsumer consumer(int threads, int updatesPerCommit) {
        when(engine.handleTogether(anyList())).thenAnswer(invocation -> {
            List<Inbound> steps = invocation.getArgument(0);
            commits.add(steps.stream().map(GroupCommitTest::user).toList());
            List<String> texts = steps.stream().map(Inbound::text).toList();
            committing.set(texts);
            try {
                if (texts.contains("hỏng")) {
                    throw new DataIntegrityViolationException("one person's step fails the shared transaction");
                }
                return steps.stream().map(GroupCommitTest::echo).toList();
            } finally {
                committing.remove();
            }
        });
        when(engine.handle(any())).thenAnswer(invocation -> {
            Inbound in = invocation.getArgument(0);
            alone.add(user(in));
            if ("hỏng".equals(in.text())) {
                throw new IllegalStateException("this one step is a bug");
            }
            return echo(in);
        });
        doAnswer(invocation -> {
            List<Outbox.Queued> queued = invocation.getArgument(0);
            for (Outbox.Queued q : queued) {
                if (committing.get() != null) {
                    sentBeforeCommit.add(q.message().text());
                }
                long chat = Long.parseLong(((Recipient.ToAddress) q.message().to()).address());
                sent.computeIfAbsent(chat, c -> Collections.synchronizedList(new ArrayList<>())).add(q.message().text());
            }
            return null;
        }).when(outbox).sendNow(any(), any());
        UpdateHandler handler = new UpdateHandler(engine, sender, outbox, TestTexts.vietnamese(), () -> true, Thread::sleep);
        consumer = new UpdateConsumer(handler).handledOn(threads).committingUpTo(updatesPerCommit);
        return consumer;
    }

    static long user(Inbound in) {
        return Long.parseLong(in.from().address());
    }

    static Reply echo(Inbound in) {
        Outbound said = Outbound.plain(Recipient.address(in.channel(), in.from().address()), "đã lưu " + in.text());
        return Reply.recorded(List.of(new Outbox.Queued(in.deliveryId().hashCode(), said, true)), null, null);
    }

    /** Two updates from each of {@code chats} users, interleaved as Telegram would hand them over. */
    static List<Update> batch(int chats) {
        List<Update> updates = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            for (long user = 1; user <= chats; user++) {
                updates.add(Updates.text(user, "câu " + round));
            }
        }
        return updates;
    }

    @Test
    void eachHandlerThreadCommitsItsChatsOnceAndRepliesOnlyAfterTheCommit() {
        consumer(2, 16).consume(batch(6));

        assertThat(commits).hasSize(2);
        // each chat whole in one commit, its updates in order; the six chats split between the two threads
        assertThat(commits).allSatisfy(chats -> assertThat(chats).hasSize(6));
        assertThat(commits.stream().flatMap(List::stream).distinct()).hasSize(6);
        assertThat(alone).isEmpty();
        assertThat(sentBeforeCommit).isEmpty();
        assertThat(sent).hasSize(6);
        sent.values().forEach(texts -> assertThat(texts).containsExactly("đã lưu câu 1", "đã lưu câu 2"));
    }

    @Test
    void noMoreThanTheLimitShareOneCommit() {
        consumer(1, 5).consume(batch(6));

        assertThat(commits).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(sent).hasSize(6);
        sent.values().forEach(texts -> assertThat(texts).containsExactly("đã lưu câu 1", "đã lưu câu 2"));
    }

    @Test
    void whenTheSharedTransactionFailsEachUpdateIsHandledAgainAlone() {
        List<Update> updates = new ArrayList<>(batch(3));
        updates.add(1, Updates.text(4, "hỏng"));
        consumer(1, 16).consume(updates);

        assertThat(commits).hasSize(1);
        assertThat(alone).containsExactly(1L, 4L, 2L, 3L, 1L, 2L, 3L);
        // the others' answers are stored and answered; the failing person is apologised to, directly, once
        IntStream.rangeClosed(1, 3).forEach(user -> assertThat(sent.get((long) user)).containsExactly("đã lưu câu 1", "đã lưu câu 2"));
        assertThat(sent).doesNotContainKey(4L);
        verify(sender).sendOnce(org.mockito.ArgumentMatchers.argThat(m -> m.text().contains("Xin lỗi")));
    }

    @Test
    void aDocumentIsHandledAloneWhereItStandsAndTheOthersAroundItTogether() throws Exception {
        List<Update> updates = new ArrayList<>(List.of(Updates.text(1, "a"), Updates.text(1, "b"), document(1),
                Updates.text(1, "c"), Updates.text(1, "d")));
        consumer(1, 16).consume(updates);

        assertThat(commits).containsExactly(List.of(1L, 1L), List.of(1L, 1L));
        assertThat(alone).containsExactly(1L);
    }

    @Test
    void oneUpdatePerCommitNeverSharesATransaction() {
        consumer(2, 1).consume(batch(4));

        verify(engine, never()).handleTogether(anyList());
        assertThat(alone).hasSize(8);
        sent.values().forEach(texts -> assertThat(texts).containsExactly("đã lưu câu 1", "đã lưu câu 2"));
    }

    static Update document(long user) throws Exception {
        return new ObjectMapper().readValue("""
                {"update_id": 990001, "message": {"message_id": 990001, "date": 1780000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Cán bộ"},
                 "chat": {"id": %d, "type": "private"},
                 "document": {"file_id": "f1", "file_unique_id": "u1", "file_name": "bang.xlsx", "file_size": 10}}}
                """.formatted(user, user), Update.class);
    }
}
