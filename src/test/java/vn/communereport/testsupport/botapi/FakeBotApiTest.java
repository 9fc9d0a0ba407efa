package vn.communereport.testsupport.botapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Exercises the stand-in over real HTTP, with java.net.http and with the real TelegramBots client and long polling. */
class FakeBotApiTest {
    private static final String TOKEN = "123456:TEST-token_for-fake";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi api;
    private OkHttpTelegramClient bot;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        api = FakeBotApi.start(TOKEN);
        bot = new OkHttpTelegramClient(TOKEN, telegramUrl());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", api.port(), false);
    }

    // ------------------------------------------------------------ plumbing

    @Test
    void getMeAnswersTheBotIdentityWhateverTheMethodCase() throws Exception {
        JsonNode answer = post("GETME", Map.of());
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("result").path("id").asLong()).isEqualTo(777000111L);
        assertThat(answer.path("result").path("is_bot").asBoolean()).isTrue();
        assertThat(answer.path("result").path("first_name").asText()).isEqualTo("Báo cáo xã");
        assertThat(answer.path("result").path("username").asText()).isEqualTo("baocao_xa_bot");

        User me = bot.execute(new GetMe());
        assertThat(me.getUserName()).isEqualTo("baocao_xa_bot");
        assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:" + api.port());
    }

    @Test
    void wrongTokenIsUnauthorizedAndUnknownMethodIsNotFound() throws Exception {
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/bot999:other/getMe")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongToken.body()).path("description").asText()).isEqualTo("Unauthorized");

        HttpResponse<String> unknown = raw("sendTeleportation", "application/json", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()))
                .isEqualTo(JSON.readTree("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
    }

    @Test
    void acceptsFormEncodedAndQueryParameters() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        lan.sends("/start");
        HttpResponse<String> form = raw("sendMessage", "application/x-www-form-urlencoded",
                "chat_id=1001&text=" + URLEncoder.encode("Xin chào Lan", StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN
                        + "/sendMessage?chat_id=1001&text=" + URLEncoder.encode("Lần hai", StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(lan.awaitNext(WAIT).text()).isEqualTo("Xin chào Lan");
        assertThat(lan.awaitNext(WAIT).text()).isEqualTo("Lần hai");
        assertThat(api.calls("sendmessage")).hasSize(2).allMatch(RecordedCall::isOk);
    }

    // ------------------------------------------------------------ sending with the real client

    @Test
    void sendMessageIsRecordedAndAnsweredWithARealMessage() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        long updateId = lan.sends("/start");
        assertThat(updateId).isPositive();

        Message sent = bot.execute(SendMessage.builder().chatId(1001L).text("Chào <b>Lan</b>!").parseMode("HTML")
                .replyMarkup(keyboard("Nộp báo cáo", "report:submit", "Hủy", "report:cancel")).build());

        assertThat(sent.getMessageId()).isPositive();
        assertThat(sent.getChatId()).isEqualTo(1001L);
        assertThat(sent.getFrom().getId()).isEqualTo(FakeBotApi.BOT_ID);
        assertThat(sent.getText()).isEqualTo("Chào Lan!");
        assertThat(sent.getEntities()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("bold");
            assertThat(e.getOffset()).isEqualTo(5);
            assertThat(e.getLength()).isEqualTo(3);
        });
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(1).getCallbackData()).isEqualTo("report:cancel");

        SentMessage seen = lan.awaitNext(WAIT);
        assertThat(seen.messageId()).isEqualTo(sent.getMessageId());
        assertThat(seen.text()).isEqualTo("Chào Lan!");
        assertThat(seen.rawText()).isEqualTo("Chào <b>Lan</b>!");
        assertThat(seen.parseMode()).isEqualTo("HTML");
        assertThat(seen.buttonData()).containsExactly("report:submit", "report:cancel");
        assertThat(seen.buttonTexts()).containsExactly("Nộp báo cáo", "Hủy");
        assertThat(lan.lastMessage().messageId()).isEqualTo(sent.getMessageId());
    }

    @Test
    void refusesToWriteFirstToBlockedOrUnknownChats() throws Exception {
        api.user(2002, "Minh");
        TelegramApiRequestException neverOpened = requestError(() ->
                bot.execute(SendMessage.builder().chatId(2002L).text("Xin chào").build()));
        assertThat(neverOpened.getErrorCode()).isEqualTo(403);
        assertThat(neverOpened.getApiResponse()).isEqualTo("Forbidden: bot can't initiate conversation with a user");

        FakeUser hoa = api.user(2003, "Hoa");
        hoa.sends("/start");
        hoa.blocksBot();
        TelegramApiRequestException blocked = requestError(() ->
                bot.execute(SendMessage.builder().chatId(2003L).text("Xin chào").build()));
        assertThat(blocked.getErrorCode()).isEqualTo(403);
        assertThat(blocked.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");

        TelegramApiRequestException unknown = requestError(() ->
                bot.execute(SendMessage.builder().chatId(987654321L).text("Xin chào").build()));
        assertThat(unknown.getErrorCode()).isEqualTo(400);
        assertThat(unknown.getApiResponse()).isEqualTo("Bad Request: chat not found");

        HttpResponse<String> noChat = raw("sendMessage", "application/json", "{\"text\":\"hi\"}");
        assertThat(noChat.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noChat.body()).path("description").asText()).isEqualTo("Bad Request: chat_id is empty");
    }

    @Test
    void editWithUnchangedContentIsNotModified() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        Message sent = bot.execute(SendMessage.builder().chatId(1001L).text("Bước 1/3")
                .replyMarkup(keyboard("Tiếp", "step:2")).build());

        TelegramApiRequestException same = requestError(() -> bot.execute(EditMessageText.builder().chatId(1001L)
                .messageId(sent.getMessageId()).text("Bước 1/3").replyMarkup(keyboard("Tiếp", "step:2")).build()));
        assertThat(same.getErrorCode()).isEqualTo(400);
        assertThat(same.getMessage()).contains("message is not modified");

        // editMessageText answers a Message (or true for inline messages), hence Serializable
        Message edited = (Message) bot.execute(EditMessageText.builder().chatId(1001L).messageId(sent.getMessageId())
                .text("Bước 2/3").replyMarkup(keyboard("Tiếp", "step:3")).build());
        assertThat(edited.getEditDate()).isNotNull();
        assertThat(lan.history(sent.getMessageId())).extracting(SentMessage::text).containsExactly("Bước 1/3", "Bước 2/3");
        assertThat(lan.lastMessage().buttonData()).containsExactly("step:3");

        // editing without reply_markup removes the keyboard, as on Telegram
        bot.execute(EditMessageText.builder().chatId(1001L).messageId(sent.getMessageId()).text("Xong").build());
        assertThat(lan.lastMessage().hasInlineKeyboard()).isFalse();

        TelegramApiRequestException missing = requestError(() -> bot.execute(EditMessageText.builder().chatId(1001L)
                .messageId(424242).text("x").build()));
        assertThat(missing.getApiResponse()).isEqualTo("Bad Request: message to edit not found");
    }

    @Test
    void sendDocumentUploadsTheBytes() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        byte[] content = "Báo cáo tháng 11".getBytes(StandardCharsets.UTF_8);
        Message sent = bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(new ByteArrayInputStream(content), "bao-cao-thang-11.xlsx"))
                .caption("Báo cáo <i>tổng hợp</i>").parseMode("HTML").build());

        assertThat(sent.getDocument().getFileName()).isEqualTo("bao-cao-thang-11.xlsx");
        assertThat(sent.getDocument().getMimeType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(sent.getCaption()).isEqualTo("Báo cáo tổng hợp");

        SentDocument document = lan.awaitDocument(WAIT);
        assertThat(document.fileName()).isEqualTo("bao-cao-thang-11.xlsx");
        assertThat(document.bytes()).isEqualTo(content);
        assertThat(lan.documents()).hasSize(1);
        assertThat(lan.lastMessage().text()).isEqualTo("Báo cáo tổng hợp");

        TelegramApiRequestException empty = requestError(() -> bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(new ByteArrayInputStream(new byte[0]), "rong.xlsx")).build()));
        assertThat(empty.getApiResponse()).isEqualTo("Bad Request: file must be non-empty");

        TelegramApiRequestException longCaption = requestError(() -> bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(new ByteArrayInputStream(content), "a.xlsx")).caption("x".repeat(1025)).build()));
        assertThat(longCaption.getApiResponse()).isEqualTo("Bad Request: message caption is too long");

        HttpResponse<String> noFile = raw("sendDocument", "application/json", "{\"chat_id\":1001}");
        assertThat(JSON.readTree(noFile.body()).path("description").asText())
                .isEqualTo("Bad Request: there is no document in the request");
    }

    @Test
    void callbackDataIsLimitedTo64Bytes() throws Exception {
        opened(1001, "Lan");
        String data64 = "đ".repeat(32); // 32 characters, 64 bytes in UTF-8
        String data65 = data64 + "x";
        bot.execute(SendMessage.builder().chatId(1001L).text("ok").replyMarkup(keyboard("Chọn", data64)).build());

        TelegramApiRequestException refused = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("quá dài").replyMarkup(keyboard("Chọn", data65)).build()));
        assertThat(refused.getErrorCode()).isEqualTo(400);
        assertThat(refused.getApiResponse()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");

        HttpResponse<String> textButton = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Chỉ chữ\"}]]}}");
        assertThat(JSON.readTree(textButton.body()).path("description").asText()).isEqualTo(
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }

    @Test
    void refusesBrokenMarkupAndOverlongText() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        TelegramApiRequestException html = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("Tỉ lệ <50% hoàn thành").parseMode("HTML").build()));
        assertThat(html.getApiResponse()).isEqualTo(
                "Bad Request: can't parse entities: Unsupported start tag \"50%\" at byte offset 10"); // bytes, not characters

        TelegramApiRequestException unclosed = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("<b>đậm <i>nghiêng</b>").parseMode("HTML").build()));
        assertThat(unclosed.getApiResponse()).startsWith("Bad Request: can't parse entities: Unmatched end tag");

        TelegramApiRequestException markdown = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("Hạn nộp: 30.11").parseMode("MarkdownV2").build()));
        assertThat(markdown.getApiResponse()).isEqualTo("Bad Request: can't parse entities: "
                + "Character '.' is reserved and must be escaped with the preceding '\\'");

        TelegramApiRequestException quote = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("*Hạn nộp*: 30\\.11 & <ok>").parseMode("MarkdownV2").build()));
        assertThat(quote.getApiResponse()).endsWith("Character '>' is reserved and must be escaped with the preceding '\\'");
        bot.execute(SendMessage.builder().chatId(1001L).text("*Hạn nộp*: 30\\.11 & <ok\\>").parseMode("MarkdownV2").build());
        assertThat(lan.awaitNext(WAIT).text()).isEqualTo("Hạn nộp: 30.11 & <ok>");

        TelegramApiRequestException mode = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("x").parseMode("Markdown3").build()));
        assertThat(mode.getApiResponse()).isEqualTo("Bad Request: unsupported parse_mode");

        TelegramApiRequestException tooLong = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("a".repeat(4097)).build()));
        assertThat(tooLong.getErrorCode()).isEqualTo(400);
        assertThat(tooLong.getApiResponse()).isEqualTo("Bad Request: message is too long");
        bot.execute(SendMessage.builder().chatId(1001L).text("ă".repeat(4096)).build());
        // Telegram counts characters (code points), so 4096 emoji pass although they are 8192 UTF-16 units
        bot.execute(SendMessage.builder().chatId(1001L).text("😀".repeat(4096)).build());
        // the limit applies after markup is removed
        bot.execute(SendMessage.builder().chatId(1001L).text("<b>" + "a".repeat(4096) + "</b>").parseMode("HTML").build());

        HttpResponse<String> blank = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"  \\n \"}");
        assertThat(JSON.readTree(blank.body()).path("description").asText()).isEqualTo("Bad Request: text must be non-empty");
        HttpResponse<String> empty = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"\"}");
        assertThat(JSON.readTree(empty.body()).path("description").asText()).isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void setMyCommandsFollowsTelegramRules() throws Exception {
        assertThat(bot.execute(SetMyCommands.builder()
                .command(new BotCommand("start", "Bắt đầu"))
                .command(new BotCommand("baocao", "Nộp báo cáo")).build())).isTrue();
        assertThat(api.myCommands()).containsExactly(Map.entry("start", "Bắt đầu"), Map.entry("baocao", "Nộp báo cáo"));

        HttpResponse<String> upper = raw("setMyCommands", "application/json",
                "{\"commands\":[{\"command\":\"BaoCao\",\"description\":\"x\"}]}");
        assertThat(JSON.readTree(upper.body()).path("description").asText()).isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        HttpResponse<String> noDescription = raw("setMyCommands", "application/json",
                "{\"commands\":[{\"command\":\"ok\",\"description\":\" \"}]}");
        assertThat(JSON.readTree(noDescription.body()).path("description").asText())
                .isEqualTo("Bad Request: command description must be non-empty");

        JsonNode listed = post("getMyCommands", Map.of());
        assertThat(listed.path("result")).hasSize(2);
    }

    // ------------------------------------------------------------ buttons and callback queries

    @Test
    void pressingAShownButtonDeliversACallbackQuery() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        Message sent = bot.execute(SendMessage.builder().chatId(1001L).text("Xác nhận?")
                .replyMarkup(keyboard("Đồng ý", "confirm:yes", "Không", "confirm:no")).build());
        assertThatThrownBy(() -> lan.presses("confirm:maybe")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("confirm:yes");

        JsonNode drained = post("getUpdates", Map.of("timeout", 0));
        long nextOffset = drained.path("result").get(drained.path("result").size() - 1).path("update_id").asLong() + 1;

        long updateId = lan.presses("confirm:yes");
        JsonNode updates = post("getUpdates", Map.of("offset", nextOffset, "timeout", 5)).path("result");
        assertThat(updates).hasSize(1);
        JsonNode query = updates.get(0).path("callback_query");
        assertThat(updates.get(0).path("update_id").asLong()).isEqualTo(updateId);
        assertThat(query.path("data").asText()).isEqualTo("confirm:yes");
        assertThat(query.path("from").path("id").asLong()).isEqualTo(1001);
        assertThat(query.path("message").path("message_id").asInt()).isEqualTo(sent.getMessageId());
        assertThat(query.path("chat_instance").asText()).isNotEmpty();

        String queryId = query.path("id").asText();
        assertThat(bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("Đã ghi nhận").build())).isTrue();
        assertThat(lan.awaitCallbackAnswer(WAIT).text()).isEqualTo("Đã ghi nhận");
        TelegramApiRequestException twice = requestError(() ->
                bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()));
        assertThat(twice.getApiResponse())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
    }

    // ------------------------------------------------------------ long polling

    @Test
    void longPollWaitsForTheTimeoutThenReturnsNothing() throws Exception {
        long started = System.nanoTime();
        JsonNode answer = post("getUpdates", Map.of("timeout", 2));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("result")).isEmpty();
        assertThat(elapsedMillis).isBetween(1_900L, 3_500L);
        assertThat(api.firstGetUpdatesAt()).isNotNull();
    }

    @Test
    void longPollReturnsAsSoonAsAUserWrites() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> lan.sends("/start"), 300, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            JsonNode updates = post("getUpdates", Map.of("timeout", 20)).path("result");
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(elapsedMillis).isLessThan(3_000L);
            assertThat(updates).hasSize(1);
            JsonNode message = updates.get(0).path("message");
            assertThat(message.path("text").asText()).isEqualTo("/start");
            assertThat(message.path("chat").path("type").asText()).isEqualTo("private");
            assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void offsetConfirmsAndDropsUpdates() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        long first = lan.sends("một");
        long second = lan.sends("hai");
        long third = lan.sends("ba");
        assertThat(List.of(first, second, third)).isSorted();
        assertThat(api.pendingUpdateCount()).isEqualTo(3);

        JsonNode all = post("getUpdates", Map.of("timeout", 0)).path("result");
        assertThat(all).hasSize(3);
        assertThat(api.pendingUpdateCount()).as("delivered is not confirmed").isEqualTo(3);

        JsonNode rest = post("getUpdates", Map.of("offset", second + 1, "timeout", 0)).path("result");
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).path("update_id").asLong()).isEqualTo(third);
        assertThat(api.pendingUpdateCount()).isEqualTo(1);
        assertThat(api.highestConfirmedOffset()).isEqualTo(second + 1);

        post("getUpdates", Map.of("offset", third + 1, "timeout", 0));
        assertThat(api.pendingUpdateCount()).isZero();
        JsonNode again = post("getUpdates", Map.of("offset", first, "timeout", 0)).path("result");
        assertThat(again).as("confirmed updates are gone for good").isEmpty();
    }

    @Test
    void aNewLongPollTerminatesTheOneInFlightWithConflict() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(getUpdatesRequest(30),
                HttpResponse.BodyHandlers.ofString());
        api.awaitLongPollHeld(WAIT);
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(getUpdatesRequest(30),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> terminated = first.get(10, TimeUnit.SECONDS);
        assertThat(terminated.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(terminated.body()).path("description").asText()).isEqualTo(
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        assertThat(second).isNotDone();

        lan.sends("/start");
        HttpResponse<String> delivered = second.get(10, TimeUnit.SECONDS);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(delivered.body()).path("result")).hasSize(1);
    }

    // ------------------------------------------------------------ failure injection

    @Test
    void injectedTooManyRequestsCarriesRetryAfter() throws Exception {
        opened(1001, "Lan");
        api.failNext("sendMessage", 429, "Too Many Requests: retry after 7", 7);
        TelegramApiRequestException limited = requestError(() ->
                bot.execute(SendMessage.builder().chatId(1001L).text("một").build()));
        assertThat(limited.getErrorCode()).isEqualTo(429);
        assertThat(limited.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(api.tooManyRequestsCount()).isEqualTo(1);

        bot.execute(SendMessage.builder().chatId(1001L).text("hai").build());
        assertThat(api.calls("sendMessage")).extracting(RecordedCall::status).containsExactly(429, 200);
    }

    @Test
    void enforcedRateLimitsRefuseFloodingOneChat() throws Exception {
        opened(1001, "Lan");
        api.enforceRateLimits(true);
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            try {
                bot.execute(SendMessage.builder().chatId(1001L).text("tin " + i).build());
            } catch (TelegramApiRequestException e) {
                assertThat(e.getErrorCode()).isEqualTo(429);
                assertThat(e.getParameters().getRetryAfter()).isPositive();
                refused++;
            }
        }
        // a burst of 3 passes, then 1 per second: at most one token can refill during the loop
        assertThat(refused).isBetween(2, 3);
        assertThat(api.tooManyRequestsCount()).isEqualTo(refused);
    }

    @Test
    void unavailableApiAnswersBadGatewayOrDropsTheConnection() throws Exception {
        api.setUnavailable(true);
        HttpResponse<String> gateway = raw("getMe", "application/json", "{}");
        assertThat(gateway.statusCode()).isEqualTo(502);
        assertThat(gateway.body()).contains("502 Bad Gateway");
        assertThatThrownBy(() -> bot.execute(new GetMe())).isInstanceOf(TelegramApiException.class);

        api.setUnavailableMode(FakeBotApi.Mode.DROP_CONNECTION);
        assertThatThrownBy(() -> raw("getMe", "application/json", "{}")).isInstanceOf(IOException.class);

        api.setUnavailable(false);
        assertThat(raw("getMe", "application/json", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void goesDownOnTheNextCallOfAMethodForAWhile() throws Exception {
        opened(1001, "Lan");
        api.goDownOnNext("sendMessage", Duration.ofMillis(600));
        assertThat(raw("getMe", "application/json", "{}").statusCode()).as("other methods before it").isEqualTo(200);
        assertThat(raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"một\"}").statusCode()).isEqualTo(502);
        assertThat(raw("getMe", "application/json", "{}").statusCode()).as("everything during the outage").isEqualTo(502);
        Thread.sleep(700);
        assertThat(raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"hai\"}").statusCode()).isEqualTo(200);
        assertThat(api.calls("sendMessage")).extracting(RecordedCall::status).containsExactly(502, 200);
    }

    @Test
    void redeliverHandsAnUpdateOutAgainWithItsUpdateId() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        long first = lan.sends("một");
        JsonNode delivered = post("getUpdates", Map.of("timeout", 0)).path("result");
        post("getUpdates", Map.of("offset", first + 1, "timeout", 0));
        assertThat(api.pendingUpdateCount()).isZero();

        api.redeliver(first);
        assertThat(api.pendingUpdateCount()).isEqualTo(1);
        JsonNode again = post("getUpdates", Map.of("timeout", 0)).path("result");
        assertThat(again).hasSize(1);
        assertThat(again.get(0)).isEqualTo(delivered.get(0));
        post("getUpdates", Map.of("offset", first + 1, "timeout", 0));
        assertThat(api.pendingUpdateCount()).isZero();
        assertThatThrownBy(() -> api.redeliver(first + 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ the real long polling application

    @Test
    void realLongPollingApplicationReceivesWhatTheUserSends() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        // a tiny bot: echoes messages with a button, answers the button by editing the message
        LongPollingUpdateConsumer consumer = updates -> {
            for (Update update : updates) {
                received.add(update);
                try {
                    if (update.hasMessage()) {
                        bot.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                                .text("Đã nhận: " + update.getMessage().getText()).replyMarkup(keyboard("OK", "ack")).build());
                    } else if (update.hasCallbackQuery()) {
                        var query = update.getCallbackQuery();
                        bot.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).text("Xong").build());
                        bot.execute(EditMessageText.builder().chatId(query.getMessage().getChatId())
                                .messageId(query.getMessage().getMessageId()).text("Đã xác nhận").build());
                    }
                } catch (TelegramApiException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ScheduledExecutorService pollingThread = Executors.newSingleThreadScheduledExecutor();
        try (TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> pollingThread)) {
            BotSession session = application.registerBot(TOKEN, this::telegramUrl, new DefaultGetUpdatesGenerator(), consumer);
            assertThat(session.isRunning()).isTrue();
            api.awaitPolling(WAIT);

            long updateId = lan.sends("/start");
            Update update = received.poll(10, TimeUnit.SECONDS);
            assertThat(update).isNotNull();
            assertThat(update.getUpdateId()).isEqualTo((int) updateId);
            assertThat(update.getMessage().getText()).isEqualTo("/start");
            assertThat(update.getMessage().isCommand()).isTrue();
            assertThat(update.getMessage().getFrom().getFirstName()).isEqualTo("Lan");
            SentMessage reply = lan.awaitText("Đã nhận: /start", WAIT);
            assertThat(reply.buttonData()).containsExactly("ack");

            lan.presses("ack");
            Update press = received.poll(10, TimeUnit.SECONDS);
            assertThat(press.getCallbackQuery().getData()).isEqualTo("ack");
            assertThat(lan.awaitCallbackAnswer(WAIT).text()).isEqualTo("Xong");
            SentMessage edited = lan.awaitNext(WAIT);
            assertThat(edited.isEdit()).isTrue();
            assertThat(edited.messageId()).isEqualTo(reply.messageId());
            assertThat(edited.text()).isEqualTo("Đã xác nhận");
            assertThat(edited.hasInlineKeyboard()).isFalse();

            long blockedId = lan.blocksBot();
            Update blocked = received.poll(10, TimeUnit.SECONDS);
            assertThat(blocked.getMyChatMember().getNewChatMember().getStatus()).isEqualTo("kicked");

            api.awaitConfirmed(blockedId, WAIT);
            assertThat(api.pendingUpdateCount()).isZero();
            assertThat(api.calls("deleteWebhook")).hasSize(1);
            assertThat(api.calls()).allMatch(RecordedCall::isOk);
        } finally {
            api.close(); // answers the session's held long poll with [], so its last run ends without error
            pollingThread.shutdown();
            assertThat(pollingThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sendsUpdateFillsInTheRealShape() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        long stickerId = lan.sendsUpdate(Map.of("message", Map.of("sticker", Map.of("file_id", "CAACAgI", "file_unique_id",
                "AgAD", "type", "regular", "width", 512, "height", 512, "is_animated", false, "is_video", false))));
        long groupId = lan.sendsUpdate(Map.of("message", Map.of("text", "chào nhóm",
                "chat", Map.of("id", -100123, "type", "supergroup", "title", "Xã Hòa Bình"))));

        JsonNode updates = post("getUpdates", Map.of("timeout", 0)).path("result");
        assertThat(updates).hasSize(2);
        JsonNode sticker = updates.get(0);
        assertThat(sticker.path("update_id").asLong()).isEqualTo(stickerId);
        assertThat(sticker.path("message").path("message_id").asInt()).isPositive();
        assertThat(sticker.path("message").path("from").path("id").asLong()).isEqualTo(1001);
        assertThat(sticker.path("message").path("chat").path("id").asLong()).isEqualTo(1001);
        assertThat(updates.get(1).path("update_id").asLong()).isEqualTo(groupId);
        Update parsed = JSON.readValue(updates.get(0).toString(), Update.class);
        assertThat(parsed.getMessage().hasSticker()).isTrue();

        bot.execute(SendMessage.builder().chatId(-100123L).text("Chào cả nhóm").build());
        assertThat(api.messagesIn(-100123)).extracting(SentMessage::text).containsExactly("Chào cả nhóm");
        assertThat(lan.hasOpenedChat()).isTrue();
    }

    @Test
    void timestampsWhenAnUpdateIsServedAndWhenTheReplyArrivesAndTellsListeners() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        long updateId = lan.sends("câu trả lời");
        assertThat(api.servedNanos(updateId)).isEqualTo(-1);
        BlockingQueue<SentMessage> heard = new LinkedBlockingQueue<>();
        api.addBotMessageListener(heard::add);

        long before = System.nanoTime();
        assertThat(post("getUpdates", Map.of("timeout", 0)).path("result")).hasSize(2);
        long served = api.servedNanos(updateId);
        assertThat(served).isBetween(before, System.nanoTime());
        post("getUpdates", Map.of("timeout", 0)); // served again (not confirmed): the first time counts
        assertThat(api.servedNanos(updateId)).isEqualTo(served);

        bot.execute(SendMessage.builder().chatId(1001L).text("Đã lưu").build());
        SentMessage reply = lan.awaitNext(WAIT);
        assertThat(reply.arrivedNanos()).isGreaterThan(served);
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isSameAs(reply);
    }

    // ------------------------------------------------------------ helpers

    private FakeUser opened(long id, String name) {
        FakeUser user = api.user(id, name);
        user.sends("/start");
        return user;
    }

    private static InlineKeyboardMarkup keyboard(String... textAndData) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (int i = 0; i < textAndData.length; i += 2) {
            row.add(InlineKeyboardButton.builder().text(textAndData[i]).callbackData(textAndData[i + 1]).build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static TelegramApiRequestException requestError(Call call) {
        TelegramApiRequestException e = catchThrowableOfType(TelegramApiRequestException.class, call::run);
        assertThat(e).as("expected the Bot API to refuse the call").isNotNull();
        return e;
    }

    private JsonNode post(String method, Map<String, Object> params) throws Exception {
        return JSON.readTree(raw(method, "application/json", JSON.writeValueAsString(params)).body());
    }

    private HttpResponse<String> raw(String method, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN + "/" + method))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest getUpdatesRequest(int timeout) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/bot" + TOKEN + "/getUpdates"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"timeout\":" + timeout + "}")).build();
    }

}
