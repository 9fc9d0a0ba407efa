package vn.communereport.bench;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The floor: a bare TelegramBots bot that only echoes. Same library pieces as the real bot (long polling with a
 * synchronous consumer, OkHttpTelegramClient for sending, same getUpdates parameters), no Spring, no database.
 * A text is echoed; a button press is answered (answerCallbackQuery) and its data echoed, as the real bot answers
 * a press and then sends its next screen. Every echo carries one button so that the simulated user can press.
 * <p>
 * Run as its own process: {@code java -cp <test classpath> vn.communereport.bench.EchoBot <api-url> <token>}.
 */
public final class EchoBot {

    private EchoBot() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = args[1];
        TelegramUrl url = new TelegramUrl(uri.getScheme(), uri.getHost(), uri.getPort(), false);
        TelegramClient client = new OkHttpTelegramClient(token, url);
        InlineKeyboardMarkup again = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("↻").callbackData("e").build())).build();
        LongPollingUpdateConsumer consumer = (List<Update> updates) -> {
            for (Update update : updates) {
                try {
                    if (update.hasMessage() && update.getMessage().hasText()) {
                        client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                                .text(update.getMessage().getText()).replyMarkup(again).build());
                    } else if (update.hasCallbackQuery()) {
                        client.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).build());
                        client.execute(SendMessage.builder().chatId(update.getCallbackQuery().getMessage().getChatId())
                                .text("» " + update.getCallbackQuery().getData()).replyMarkup(again).build());
                    }
                } catch (TelegramApiException | RuntimeException e) {
                    System.err.println("echo failed for update " + update.getUpdateId() + ": " + e);
                }
            }
        };
        TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication();
        application.registerBot(token, () -> url,
                last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(50)
                        .allowedUpdates(List.of("message", "edited_message", "callback_query")).build(),
                consumer);
        System.out.println("echo bot polling " + args[0]);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                application.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            forever.countDown();
        }));
        forever.await();
    }
}
