package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.province.ProvinceDesk;
import vn.communereport.conversation.CommandMenu;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.conversation.Reply;
import vn.communereport.definition.Definitions;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Outbox;
import vn.communereport.messaging.Recipient;
import vn.communereport.messaging.TestTexts;
import vn.communereport.messaging.Texts;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.botapi.SentMessage;

/**
 * The real long-polling library and the project's {@link UpdateConsumer}, against the Bot API stand-in, with the
 * engine replaced by a mock: Telegram forgets an update (it is confirmed by the next getUpdates offset) only once
 * the bot has handled it, nothing thrown while handling one update stops polling, and a database that is down
 * holds the update back instead of losing it.
 */
class AcknowledgedMeansHandledTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String APOLOGY = "Xin lỗi, bot gặp lỗi";

    FakeBotApi api;
    ConversationEngine engine;
    TelegramBot bot;
    volatile Function<Inbound, Reply> behaviour = AcknowledgedMeansHandledTest::echo;
    final List<Long> backoffs = Collections.synchronizedList(new ArrayList<>());
    final List<Runnable> cleanups = new ArrayList<>();

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        engine = mock(ConversationEngine.class);
        when(engine.handle(any())).thenAnswer(invocation -> behaviour.apply(invocation.getArgument(0)));
        // Wired as TelegramConfiguration wires it; only the waits between database retries are shortened.
        TelegramProperties properties = new TelegramProperties(BotProcess.TOKEN, api.baseUrl(), 1, 1);
        TelegramClient client = new OkHttpTelegramClient(BotProcess.TOKEN, properties.telegramUrl());
        TelegramSender sender = new TelegramSender(client, mock(AccessService.class), Thread::sleep,
                new SendPacer(1000, 1000, 1000, 1000, System::nanoTime));
        // The real sending of a turn's messages; the outbox behind it (marking them sent) is not what is tested here.
        OutboxDrainer outbox = new OutboxDrainer(mock(Outbox.class), sender, Duration.ofSeconds(1));
        Texts texts = TestTexts.vietnamese();
        TelegramBot[] self = new TelegramBot[1];
        UpdateConsumer consumer = new UpdateConsumer(engine, sender, outbox, texts, () -> self[0] != null && self[0].isRunning(),
                millis -> {
                    backoffs.add(millis);
                    Thread.sleep(Math.min(millis, 100));
                }).handledOn(handlerThreads());
        CommandMenu menu = mock(CommandMenu.class);
        when(menu.forMembers()).thenReturn(List.of(new CommandMenu.Entry("start", "Bắt đầu")));
        CommandMenus menus = new CommandMenus(client, menu, mock(AccessService.class), new Definitions(Map.of(), Map.of()),
                mock(ProvinceDesk.class));
        self[0] = new TelegramBot(properties, client, consumer, menus, new BotIdentity());
        bot = self[0];
        bot.start();
        api.awaitPolling(WAIT);
    }

    /** Threads handling the chats of a batch; the subclass runs every test here again with several. */
    int handlerThreads() {
        return 1;
    }

    @AfterEach
    void stop() {
        cleanups.forEach(Runnable::run);
        bot.stop();
        api.close();
    }

    static final AtomicLong rows = new AtomicLong();

    static Reply echo(Inbound in) {
        Outbound echo = Outbound.plain(Recipient.address(in.channel(), in.from().address()), "Đã nhận: " + in.text());
        return Reply.recorded(List.of(new Outbox.Queued(rows.incrementAndGet(), echo, true)), null, null);
    }

    @Test
    void anUpdateIsConfirmedToTelegramOnlyAfterItHasBeenHandled() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        cleanups.add(release::countDown);
        behaviour = in -> {
            if ("chậm".equals(in.text())) {
                handling.countDown();
                awaitUninterruptibly(release);
            }
            return echo(in);
        };
        FakeUser user = api.user(2001, "Lò Thị Lan");
        long first = user.sends("một");
        user.awaitText("Đã nhận: một", WAIT);
        api.awaitConfirmed(first, WAIT);

        long slow = user.sends("chậm");
        assertThat(handling.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the engine got update %d", slow).isTrue();
        long next = user.sends("sau");
        // Several poll timeouts (1 s each) pass while the update is being handled: a consumer that returned
        // before handling would have let the library ask for offset slow + 1 meanwhile.
        long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        while (System.nanoTime() < until) {
            assertThat(api.highestConfirmedOffset()).as("offset sent while update %d is still being handled", slow)
                    .isLessThanOrEqualTo(slow);
            Thread.sleep(50);
        }
        verify(engine, never()).handle(argThat(in -> "sau".equals(in.text())));
        assertThat(user.messages()).extracting(SentMessage::text).containsExactly("Đã nhận: một");

        release.countDown();
        user.awaitText("Đã nhận: chậm", WAIT);
        user.awaitText("Đã nhận: sau", WAIT);
        api.awaitConfirmed(next, WAIT);
        assertThat(api.pendingUpdateCount()).isZero();
    }

    @Test
    void stoppingWaitsForTheUpdateInHandBeforeTheDatabaseGoesAway() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        behaviour = in -> {
            handling.countDown();
            long until = System.nanoTime() + Duration.ofMillis(700).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            finished.set(true);
            return echo(in);
        };
        FakeUser user = api.user(2301, "Lò Văn Dừng");
        user.sends("dừng lại");
        assertThat(handling.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // Spring closes the database right after the bot's stop() returns.
        bot.stop();
        assertThat(finished).as("the update in hand was finished before stop() returned").isTrue();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("RuntimeException", (Supplier<Throwable>) () -> new IllegalStateException("a bug in the engine")),
                Arguments.of("StackOverflowError", (Supplier<Throwable>) StackOverflowError::new),
                Arguments.of("NoClassDefFoundError", (Supplier<Throwable>) () -> new NoClassDefFoundError("vn/communereport/Missing")),
                Arguments.of("OutOfMemoryError", (Supplier<Throwable>) () -> new OutOfMemoryError("Java heap space")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void nothingThrownWhileHandlingOneUpdateStopsPolling(String name, Supplier<Throwable> failure) {
        behaviour = in -> {
            if ("hỏng".equals(in.text())) {
                throw sneaky(failure.get());
            }
            return echo(in);
        };
        FakeUser user = api.user(2002, "Vàng A Dế");
        user.sends("hỏng");
        long after = user.sends("tiếp theo");
        assertThat(user.awaitText("Đã nhận: tiếp theo", WAIT).text()).isEqualTo("Đã nhận: tiếp theo");
        api.awaitConfirmed(after, WAIT);
        // The person whose message failed was told, and nothing else was lost on the way.
        assertThat(user.messages()).extracting(SentMessage::text)
                .satisfiesExactly(apology -> assertThat(apology).startsWith(APOLOGY), reply -> assertThat(reply).isEqualTo("Đã nhận: tiếp theo"));
        FakeUser other = api.user(2003, "Người Khác");
        other.sends("vẫn chạy");
        other.awaitText("Đã nhận: vẫn chạy", WAIT);
    }

    @Test
    void aDatabaseThatIsDownDelaysTheUpdateButNeverLosesIt() throws Exception {
        AtomicBoolean databaseUp = new AtomicBoolean(false);
        AtomicInteger attempts = new AtomicInteger();
        behaviour = in -> {
            if ("lưu".equals(in.text())) {
                attempts.incrementAndGet();
                if (!databaseUp.get()) {
                    throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
                }
            }
            return echo(in);
        };
        FakeUser user = api.user(2004, "Lù Văn Sáng");
        long update = user.sends("lưu");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (attempts.get() < 4) {
            assertThat(System.nanoTime()).as("the bot keeps trying the update while the database is down").isLessThan(deadline);
            assertThat(api.highestConfirmedOffset()).as("update %d confirmed while the database is down", update)
                    .isLessThanOrEqualTo(update);
            Thread.sleep(20);
        }
        assertThat(api.highestConfirmedOffset()).as("update %d confirmed while the database is down", update)
                .isLessThanOrEqualTo(update);
        assertThat(api.pendingUpdateCount()).isEqualTo(1);
        assertThat(user.messages()).as("nothing said (no apology) while waiting for the database").isEmpty();

        databaseUp.set(true);
        user.awaitText("Đã nhận: lưu", WAIT);
        api.awaitConfirmed(update, WAIT);
        int tries = attempts.get();
        verify(engine, times(tries)).handle(argThat(in -> in.deliveryId().equals(String.valueOf(update))));
        assertThat(user.messages()).extracting(SentMessage::text).containsExactly("Đã nhận: lưu");
        // Backing off, not spinning: 0.5 s, 1 s, 2 s … between attempts.
        assertThat(backoffs).hasSize(tries - 1).startsWith(500L, 1000L, 2000L);
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
