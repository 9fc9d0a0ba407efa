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
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import vn.communereport.testsupport.LongRunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Exercises the stand-in over real HTTP, with java.net.http and with the real TelegramBots client and long polling. */
@LongRunning
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
    void methodsTheBotDoesNotCallAreNotImplemented() throws Exception {
        opened(1001, "Lan");
        bot.execute(SendMessage.builder().chatId(1001L).text("Bước 1/3").build());
        // Telegram has these; the bot does not call them, so the stand-in answers as for an unknown method
        for (String method : List.of("editMessageText", "editMessageReplyMarkup", "deleteMessage", "setMessageReaction",
                "getMyCommands", "deleteMyCommands", "sendChatAction", "getChatMenuButton", "sendPhoto")) {
            HttpResponse<String> answer = raw(method, "application/json",
                    "{\"chat_id\":1001,\"message_id\":1,\"text\":\"x\",\"action\":\"typing\"}");
            assertThat(answer.statusCode()).as(method).isEqualTo(404);
            assertThat(JSON.readTree(answer.body()).path("description").asText()).isEqualTo("Not Found");
        }
        assertThat(api.calls()).filteredOn(c -> c.status() == 404).hasSize(9);
    }

    @Test
    void webAppButtonsAndTheChatMenuButtonOpenOnlyHttpsAddressesInKnownPrivateChats() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        bot.execute(SendMessage.builder().chatId(1001L).text("Biểu mẫu").replyMarkup(InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("📝 Mở biểu mẫu")
                        .webApp(new WebAppInfo("https://baocao.example.vn/miniapp")).build())).build()).build());
        SentMessage.Button button = lan.lastMessage().buttons().get(0);
        assertThat(button.opensWebApp()).isTrue();
        assertThat(button.webAppUrl()).isEqualTo("https://baocao.example.vn/miniapp");
        assertThat(lan.lastMessage().json().toString()).contains("web_app={url=https://baocao.example.vn/miniapp}");

        HttpResponse<String> plainHttp = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Web\",\"web_app\":{\"url\":\"http://localhost:8080/miniapp\"}}]]}}");
        assertThat(JSON.readTree(plainHttp.body()).path("description").asText()).isEqualTo(
                "Bad Request: inline keyboard button Web App URL 'http://localhost:8080/miniapp' is invalid: Only HTTPS links are allowed");
        HttpResponse<String> both = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Web\",\"callback_data\":\"a\",\"web_app\":{\"url\":\"https://a.vn\"}}]]}}");
        assertThat(both.statusCode()).isEqualTo(400);
        HttpResponse<String> noUrl = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"Web\",\"web_app\":{}}]]}}");
        assertThat(noUrl.statusCode()).isEqualTo(400);

        assertThat(api.menuButton(1001)).isEqualTo(Map.of("type", "commands"));
        bot.execute(SetChatMenuButton.builder().chatId(1001L).menuButton(MenuButtonWebApp.builder().text("📝 Mở biểu mẫu")
                .webAppInfo(new WebAppInfo("https://baocao.example.vn/miniapp")).build()).build());
        assertThat(api.menuButton(1001)).isEqualTo(Map.of("type", "web_app", "text", "📝 Mở biểu mẫu",
                "web_app", Map.of("url", "https://baocao.example.vn/miniapp")));
        assertThat(api.menuButton(1002)).isEqualTo(Map.of("type", "commands"));

        String httpMenu = "{\"chat_id\":1001,\"menu_button\":{\"type\":\"web_app\",\"text\":\"x\",\"web_app\":{\"url\":\"http://a.vn\"}}}";
        assertThat(raw("setChatMenuButton", "application/json", httpMenu).statusCode()).isEqualTo(400);
        String noText = "{\"chat_id\":1001,\"menu_button\":{\"type\":\"web_app\",\"text\":\" \",\"web_app\":{\"url\":\"https://a.vn\"}}}";
        assertThat(raw("setChatMenuButton", "application/json", noText).statusCode()).isEqualTo(400);
        String oddType = "{\"chat_id\":1001,\"menu_button\":{\"type\":\"teleport\"}}";
        assertThat(JSON.readTree(raw("setChatMenuButton", "application/json", oddType).body()).path("description").asText())
                .isEqualTo("Bad Request: can't parse menu button: Unsupported type specified");
        String unknownChat = "{\"chat_id\":5555,\"menu_button\":{\"type\":\"commands\"}}";
        assertThat(JSON.readTree(raw("setChatMenuButton", "application/json", unknownChat).body()).path("description").asText())
                .isEqualTo("Bad Request: chat not found");
        assertThat(api.menuButton(1001)).containsEntry("type", "web_app");
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

        Message sent = bot.execute(SendMessage.builder().chatId(1001L).text("\n Chào <b>Lan</b>!\r\n ")
                .replyMarkup(keyboard("Nộp báo cáo", "report:submit", "Hủy", "report:cancel")).build());

        assertThat(sent.getMessageId()).isPositive();
        assertThat(sent.getChatId()).isEqualTo(1001L);
        assertThat(sent.getFrom().getId()).isEqualTo(FakeBotApi.BOT_ID);
        assertThat(sent.getText()).as("plain text, trimmed as Telegram stores it").isEqualTo("Chào <b>Lan</b>!");
        assertThat(sent.getEntities()).isNull();
        assertThat(sent.getReplyMarkup().getKeyboard().get(0).get(1).getCallbackData()).isEqualTo("report:cancel");

        SentMessage seen = lan.awaitNext(WAIT);
        assertThat(seen.messageId()).isEqualTo(sent.getMessageId());
        assertThat(seen.method()).isEqualTo("sendmessage");
        assertThat(seen.text()).isEqualTo("Chào <b>Lan</b>!");
        assertThat(seen.rawText()).isEqualTo("\n Chào <b>Lan</b>!\r\n ");
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
    void aDocumentAUserSendsIsFetchedWithGetFileThenDownloadedFromItsPathOnly() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        byte[] content = "bảng số liệu".getBytes(StandardCharsets.UTF_8);
        lan.sendsDocument("BangSoLieu.xlsx", content);
        JsonNode updates = post("getUpdates", Map.of("timeout", 0)).path("result");
        JsonNode document = updates.get(updates.size() - 1).path("message").path("document");
        assertThat(document.path("file_name").asText()).isEqualTo("BangSoLieu.xlsx");
        assertThat(document.path("file_size").asInt()).isEqualTo(content.length);
        String fileId = document.path("file_id").asText();

        TelegramApiRequestException unknown = requestError(() -> bot.execute(new org.telegram.telegrambots.meta.api.methods.GetFile("nope")));
        assertThat(unknown.getApiResponse()).isEqualTo("Bad Request: invalid file_id");
        assertThat(fileDownload("documents/file_1.xlsx", TOKEN).statusCode()).as("not issued by getFile yet").isEqualTo(404);

        org.telegram.telegrambots.meta.api.objects.File file = bot.execute(new org.telegram.telegrambots.meta.api.methods.GetFile(fileId));
        assertThat(file.getFileSize()).isEqualTo(content.length);
        HttpResponse<byte[]> downloaded = fileDownload(file.getFilePath(), TOKEN);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(content);
        assertThat(fileDownload(file.getFilePath(), "999:other").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> fileDownload(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/file/bot" + token + "/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void sendDocumentUploadsTheBytes() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        byte[] content = "Báo cáo tháng 11".getBytes(StandardCharsets.UTF_8);
        Message sent = bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(new ByteArrayInputStream(content), "bao-cao-thang-11.xlsx"))
                .caption("Báo cáo tổng hợp ").build());

        assertThat(sent.getDocument().getFileName()).isEqualTo("bao-cao-thang-11.xlsx");
        assertThat(sent.getDocument().getMimeType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(sent.getDocument().getFileSize()).isEqualTo(content.length);
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
        bot.execute(SendDocument.builder().chatId(1001L).document(new InputFile(new ByteArrayInputStream(content), "b.xlsx"))
                .caption("ư".repeat(1024)).build());

        TelegramApiRequestException formatted = requestError(() -> bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(new ByteArrayInputStream(content), "c.xlsx")).caption("<b>x</b>").parseMode("HTML").build()));
        assertThat(formatted.getApiResponse()).isEqualTo("Bad Request: unsupported parse_mode");

        TelegramApiRequestException byFileId = requestError(() -> bot.execute(SendDocument.builder().chatId(1001L)
                .document(new InputFile(sent.getDocument().getFileId())).build()));
        assertThat(byFileId.getApiResponse()).isEqualTo("Bad Request: sending a document by file_id or URL is not implemented by FakeBotApi");

        HttpResponse<String> noFile = raw("sendDocument", "application/json", "{\"chat_id\":1001}");
        assertThat(JSON.readTree(noFile.body()).path("description").asText())
                .isEqualTo("Bad Request: there is no document in the request");
        assertThat(lan.documents()).extracting(SentDocument::fileName).containsExactly("bao-cao-thang-11.xlsx", "b.xlsx");
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
        HttpResponse<String> notRows = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[{\"text\":\"a\",\"callback_data\":\"a\"}]}}");
        assertThat(JSON.readTree(notRows.body()).path("description").asText()).isEqualTo(
                "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        HttpResponse<String> notJson = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":\"{inline\"}");
        assertThat(JSON.readTree(notJson.body()).path("description").asText())
                .isEqualTo("Bad Request: can't parse reply keyboard markup JSON object");

        // what the bot does not send is refused, not silently accepted
        HttpResponse<String> urlButton = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Web\",\"url\":\"https://t.me\"}]]}}");
        assertThat(JSON.readTree(urlButton.body()).path("description").asText())
                .isEqualTo("Bad Request: an inline button with \"url\" is not implemented by FakeBotApi");
        HttpResponse<String> replyKeyboard = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":{\"keyboard\":[[\"Có\",\"Không\"]]}}");
        assertThat(JSON.readTree(replyKeyboard.body()).path("description").asText())
                .isEqualTo("Bad Request: reply_markup with \"keyboard\" is not implemented by FakeBotApi");

        // Telegram drops buttons without text and cuts rows at 12 buttons
        String thirteen = IntStream.range(0, 13).mapToObj(i -> "{\"text\":\"" + (i == 0 ? "" : "b" + i)
                + "\",\"callback_data\":\"d" + i + "\"}").reduce((a, b) -> a + "," + b).orElseThrow();
        raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_markup\":{\"inline_keyboard\":[[" + thirteen + "]]}}");
        assertThat(api.user(1001, "Lan").lastMessage().buttonData()).hasSize(12).doesNotContain("d0");
    }

    @Test
    void refusesEveryParseModeAndOverlongText() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        // the bot sends plain text: the stand-in parses no markup and refuses a parse_mode as Telegram refuses an unknown one
        for (String mode : List.of("HTML", "MarkdownV2", "Markdown", "Markdown3")) {
            TelegramApiRequestException refused = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                    .text("Hạn nộp: 30.11").parseMode(mode).build()));
            assertThat(refused.getErrorCode()).as(mode).isEqualTo(400);
            assertThat(refused.getApiResponse()).isEqualTo("Bad Request: unsupported parse_mode");
        }
        bot.execute(SendMessage.builder().chatId(1001L).text("*Hạn nộp* <b>30.11</b>").parseMode("none").build());
        assertThat(lan.awaitNext(WAIT).text()).isEqualTo("*Hạn nộp* <b>30.11</b>");
        HttpResponse<String> entities = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"đậm\",\"entities\":[{\"type\":\"bold\",\"offset\":0,\"length\":3}]}");
        assertThat(JSON.readTree(entities.body()).path("description").asText())
                .isEqualTo("Bad Request: the entities parameter is not implemented by FakeBotApi");
        HttpResponse<String> reply = raw("sendMessage", "application/json",
                "{\"chat_id\":1001,\"text\":\"x\",\"reply_parameters\":{\"message_id\":1}}");
        assertThat(JSON.readTree(reply.body()).path("description").asText())
                .isEqualTo("Bad Request: the reply_parameters parameter is not implemented by FakeBotApi");

        TelegramApiRequestException tooLong = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text("a".repeat(4097)).build()));
        assertThat(tooLong.getErrorCode()).isEqualTo(400);
        assertThat(tooLong.getApiResponse()).isEqualTo("Bad Request: message is too long");
        bot.execute(SendMessage.builder().chatId(1001L).text("ă".repeat(4096)).build());
        // Telegram counts characters (code points), so 4096 emoji pass although they are 8192 UTF-16 units
        bot.execute(SendMessage.builder().chatId(1001L).text("😀".repeat(4096)).build());
        // the limit applies after Telegram's clean-up (trimmed spaces and new lines, '\r' dropped)
        bot.execute(SendMessage.builder().chatId(1001L).text("\n  " + "a\r".repeat(4096) + "  \n").build());
        TelegramApiRequestException over32k = requestError(() -> bot.execute(SendMessage.builder().chatId(1001L)
                .text(" ".repeat(32769)).build()));
        assertThat(over32k.getApiResponse()).isEqualTo("Bad Request: text is too long");

        HttpResponse<String> blank = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"  \\n \"}");
        assertThat(JSON.readTree(blank.body()).path("description").asText()).isEqualTo("Bad Request: text must be non-empty");
        HttpResponse<String> empty = raw("sendMessage", "application/json", "{\"chat_id\":1001,\"text\":\"\"}");
        assertThat(JSON.readTree(empty.body()).path("description").asText()).isEqualTo("Bad Request: message text is empty");
    }

    @Test
    void setMyCommandsFollowsTelegramRules() throws Exception {
        assertThat(bot.execute(SetMyCommands.builder()
                .command(new BotCommand("start", "Bắt đầu"))
                .command(new BotCommand("/baocao", " Nộp báo cáo ")).build())).isTrue();
        assertThat(api.myCommands()).containsExactly(Map.entry("start", "Bắt đầu"), Map.entry("baocao", "Nộp báo cáo"));

        assertThat(setMyCommands("[{\"command\":\"BaoCao\",\"description\":\"x\"}]", null))
                .isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        assertThat(setMyCommands("[{\"command\":\"bao-cao\",\"description\":\"x\"}]", null))
                .isEqualTo("Bad Request: BOT_COMMAND_INVALID");
        assertThat(setMyCommands("[{\"command\":\"ok\",\"description\":\" \"}]", null))
                .isEqualTo("Bad Request: command description must be non-empty");
        assertThat(setMyCommands("[{\"command\":\"/\",\"description\":\"x\"}]", null))
                .isEqualTo("Bad Request: command must be non-empty");
        assertThat(setMyCommands("[{\"command\":\"" + "a".repeat(33) + "\",\"description\":\"x\"}]", null))
                .isEqualTo("Bad Request: command length must not exceed 32");
        assertThat(setMyCommands("[{\"command\":\"ok\",\"description\":\"" + "ô".repeat(257) + "\"}]", null))
                .isEqualTo("Bad Request: command description length must not exceed 256");
        assertThat(setMyCommands("[{\"command\":\"ok\"}]", null))
                .isEqualTo("Bad Request: can't parse BotCommand: Can't find field \"description\"");
        assertThat(setMyCommands("{\"command\":\"ok\"}", null)).isEqualTo("Bad Request: expected an Array of BotCommand");
        assertThat(setMyCommands(commandsJson(101), null)).isEqualTo("Bad Request: BOT_COMMANDS_TOO_MUCH");
        assertThat(setMyCommands(commandsJson(100), null)).isEqualTo("ok");
        assertThat(setMyCommands("[{\"command\":\"" + "a".repeat(32) + "\",\"description\":\"" + "ô".repeat(256) + "\"}]",
                null)).isEqualTo("ok");
        assertThat(api.myCommands()).hasSize(1);

        HttpResponse<String> language = raw("setMyCommands", "application/json",
                "{\"commands\":[{\"command\":\"start\",\"description\":\"Start\"}],\"language_code\":\"en-US\"}");
        assertThat(JSON.readTree(language.body()).path("description").asText())
                .isEqualTo("Bad Request: invalid language code specified");
        assertThat(setMyCommands("[]", null)).as("an empty list deletes the list").isEqualTo("ok");
        assertThat(api.myCommands()).isEmpty();
    }

    @Test
    void setMyCommandsWithAChatScopeNeedsAChatTheBotHasSeen() throws Exception {
        FakeUser admin = api.user(3001, "Chủ tịch").withLanguageCode("vi");
        FakeUser member = api.user(3002, "Cán bộ").withLanguageCode("en");
        FakeUser stranger = api.user(3003, "Người lạ");
        bot.execute(SetMyCommands.builder().command(new BotCommand("start", "Bắt đầu")).build());

        // a user who never wrote to the bot is unknown to it, even as a scope
        TelegramApiRequestException unseen = requestError(() -> bot.execute(SetMyCommands.builder()
                .command(new BotCommand("moi", "Mời")).scope(BotCommandScopeChat.builder().chatId(3001L).build()).build()));
        assertThat(unseen.getErrorCode()).isEqualTo(400);
        assertThat(unseen.getApiResponse()).isEqualTo("Bad Request: chat not found");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat\",\"chat_id\":987654321}"))
                .isEqualTo("Bad Request: chat not found");

        admin.sends("/start");
        assertThat(bot.execute(SetMyCommands.builder().command(new BotCommand("start", "Bắt đầu"))
                .command(new BotCommand("moi", "Mời cán bộ"))
                .scope(BotCommandScopeChat.builder().chatId(3001L).build()).build())).isTrue();
        assertThat(api.myCommands("chat:3001", "")).containsOnlyKeys("start", "moi");
        assertThat(admin.commandMenu()).containsOnlyKeys("start", "moi");
        assertThat(member.commandMenu()).as("everyone else: the default list").containsOnlyKeys("start");
        assertThat(stranger.commandMenu()).containsOnlyKeys("start");

        // the most specific list wins: chat + language, chat, all_private_chats + language, ..., default
        bot.execute(SetMyCommands.builder().command(new BotCommand("help", "Help")).languageCode("en")
                .scope(new BotCommandScopeAllPrivateChats()).build());
        assertThat(member.commandMenu()).containsOnlyKeys("help");
        assertThat(admin.commandMenu()).containsOnlyKeys("start", "moi");
        bot.execute(SetMyCommands.builder().command(new BotCommand("xem", "Xem")).languageCode("vi")
                .scope(BotCommandScopeChat.builder().chatId("3001").build()).build());
        assertThat(admin.commandMenu()).containsOnlyKeys("xem");

        // commands only read the chat: a user who blocked the bot can still be given a menu
        admin.blocksBot();
        assertThat(setMyCommands(commandsJson(2), "{\"type\":\"chat\",\"chat_id\":\"3001\"}")).isEqualTo("ok");
        assertThat(api.myCommands("chat:3001", "")).hasSize(2);

        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat_administrators\",\"chat_id\":3001}"))
                .isEqualTo("Bad Request: can't use specified scope in private chats");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat\"}"))
                .isEqualTo("Bad Request: can't parse BotCommandScope: Can't find field \"chat_id\"");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat\",\"chat_id\":\"\"}"))
                .isEqualTo("Bad Request: can't parse BotCommandScope: Empty chat_id specified");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"user\",\"chat_id\":3001}"))
                .isEqualTo("Bad Request: can't parse BotCommandScope: Unsupported type specified");
        assertThat(setMyCommands(commandsJson(1), "{\"chat_id\":3001}"))
                .isEqualTo("Bad Request: can't parse BotCommandScope: Can't find field \"type\"");
        assertThat(setMyCommands(commandsJson(1), "[\"chat\"]"))
                .isEqualTo("Bad Request: can't parse BotCommandScope: BotCommandScope must be an Object");

        // group scopes, for a group the bot is in
        admin.sendsUpdate(Map.of("message", Map.of("text", "chào", "chat", Map.of("id", -100777, "type", "supergroup", "title", "Xã"))));
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat_administrators\",\"chat_id\":-100777}")).isEqualTo("ok");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat_member\",\"chat_id\":-100777,\"user_id\":3001}"))
                .isEqualTo("ok");
        assertThat(setMyCommands(commandsJson(1), "{\"type\":\"chat_member\",\"chat_id\":-100777,\"user_id\":3003}"))
                .isEqualTo("Bad Request: have no access to the user");
        assertThat(api.myCommands("chat_member:-100777:3001", "")).hasSize(1);
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

    @Test
    void aCallbackQueryCanBeAnsweredOnlyUntilItExpires() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        Message sent = bot.execute(SendMessage.builder().chatId(1001L).text("Xác nhận?").replyMarkup(keyboard("Có", "y")).build());
        // Long enough for the first answer on a loaded 2-core machine; the second waits it out.
        api.setCallbackQueryTimeout(Duration.ofSeconds(4));
        long pressed = System.nanoTime();
        lan.pressesOn(sent.getMessageId(), "y");
        lan.pressesRaw(sent.getMessageId(), "tampered");
        JsonNode updates = post("getUpdates", Map.of("timeout", 0)).path("result");
        List<String> queryIds = new ArrayList<>();
        updates.forEach(u -> {
            if (u.has("callback_query")) {
                queryIds.add(u.path("callback_query").path("id").asText());
            }
        });
        assertThat(queryIds).hasSize(2);

        TelegramApiRequestException tooLongText = requestError(() -> bot.execute(AnswerCallbackQuery.builder()
                .callbackQueryId(queryIds.get(0)).text("x".repeat(201)).build()));
        assertThat(tooLongText.getApiResponse()).isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryIds.get(0)).text("ư".repeat(200))
                .showAlert(true).build())).isTrue();
        CallbackAnswer answer = lan.awaitCallbackAnswer(WAIT);
        assertThat(answer.callbackData()).isEqualTo("y");
        assertThat(answer.messageId()).isEqualTo(sent.getMessageId());
        assertThat(answer.showAlert()).isTrue();

        Thread.sleep(Math.max(0, Duration.ofMillis(4_200).minusNanos(System.nanoTime() - pressed).toMillis()));
        TelegramApiRequestException expired = requestError(() ->
                bot.execute(AnswerCallbackQuery.builder().callbackQueryId(queryIds.get(1)).build()));
        assertThat(expired.getApiResponse())
                .isEqualTo("Bad Request: query is too old and response timeout expired or query ID is invalid");
        assertThat(requestError(() -> bot.execute(AnswerCallbackQuery.builder().callbackQueryId("424242").build()))
                .getErrorCode()).isEqualTo(400);
        assertThat(lan.callbackAnswers()).hasSize(1);
    }

    // ------------------------------------------------------------ what users do

    @Test
    void aUserRepliesToAnEarlierBotMessage() throws Exception {
        FakeUser lan = opened(1001, "Lan");
        Message question = bot.execute(SendMessage.builder().chatId(1001L).text("Số hộ nghèo?")
                .replyMarkup(keyboard("Bỏ qua", "s|7")).build());
        bot.execute(SendMessage.builder().chatId(1001L).text("Câu tiếp theo").build());
        SentMessage earlier = lan.messages().get(0);
        assertThat(earlier.messageId()).isEqualTo(question.getMessageId());
        long drained = lastUpdateId(post("getUpdates", Map.of("timeout", 0)).path("result"));

        long updateId = lan.replyTo(earlier, "12");
        JsonNode updates = post("getUpdates", Map.of("offset", drained + 1, "timeout", 0)).path("result");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("update_id").asLong()).isEqualTo(updateId);
        JsonNode message = updates.get(0).path("message");
        assertThat(message.path("text").asText()).isEqualTo("12");
        assertThat(message.path("from").path("id").asLong()).isEqualTo(1001);
        JsonNode replied = message.path("reply_to_message");
        assertThat(replied.path("message_id").asInt()).isEqualTo(question.getMessageId());
        assertThat(replied.path("from").path("id").asLong()).isEqualTo(FakeBotApi.BOT_ID);
        assertThat(replied.path("from").path("is_bot").asBoolean()).isTrue();
        assertThat(replied.path("chat").path("id").asLong()).isEqualTo(1001);
        assertThat(replied.path("date").asLong()).isEqualTo(question.getDate().longValue());
        assertThat(replied.path("text").asText()).isEqualTo("Số hộ nghèo?");
        assertThat(replied.has("reply_to_message")).isFalse();

        Update parsed = JSON.readValue(updates.get(0).toString(), Update.class);
        assertThat(parsed.getMessage().isReply()).isTrue();
        assertThat(parsed.getMessage().getReplyToMessage().getMessageId()).isEqualTo(question.getMessageId());
        assertThat(parsed.getMessage().getReplyToMessage().getFrom().getUserName()).isEqualTo(FakeBotApi.BOT_USERNAME);
        assertThat(parsed.getMessage().getReplyToMessage().getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData())
                .isEqualTo("s|7");

        // a reply to a document carries the document and its caption
        bot.execute(SendDocument.builder().chatId(1001L).document(new InputFile(new ByteArrayInputStream(new byte[]{1, 2}),
                "bao-cao.docx")).caption("Bản nháp").build());
        lan.replyTo(lan.lastMessage(), "sửa dòng 3");
        JsonNode onDocument = post("getUpdates", Map.of("offset", updateId + 1, "timeout", 0)).path("result")
                .get(0).path("message").path("reply_to_message");
        assertThat(onDocument.path("document").path("file_name").asText()).isEqualTo("bao-cao.docx");
        assertThat(onDocument.path("caption").asText()).isEqualTo("Bản nháp");

        FakeUser minh = opened(1002, "Minh");
        assertThatThrownBy(() -> minh.replyTo(earlier, "không phải của tôi")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1001");
    }

    @Test
    void aCommandFromTheMenuMayNameTheBot() throws Exception {
        FakeUser lan = api.user(1001, "Lan");
        String command = "/xem@" + FakeBotApi.BOT_USERNAME;
        lan.sends(command + " tháng 11");
        JsonNode message = post("getUpdates", Map.of("timeout", 0)).path("result").get(0).path("message");
        assertThat(message.path("text").asText()).isEqualTo(command + " tháng 11");
        assertThat(message.path("entities")).hasSize(1);
        assertThat(message.path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(message.path("entities").get(0).path("offset").asInt()).isZero();
        assertThat(message.path("entities").get(0).path("length").asInt()).isEqualTo(command.length());
        Message parsed = JSON.readValue(message.toString(), Message.class);
        assertThat(parsed.isCommand()).isTrue();
        assertThat(lan.hasOpenedChat()).isTrue();
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
        // a tiny bot: echoes messages with a button, answers the button and confirms with a new message
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
                        bot.execute(SendMessage.builder().chatId(query.getMessage().getChatId()).text("Đã xác nhận").build());
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
            SentMessage confirmed = lan.awaitNext(WAIT);
            assertThat(confirmed.messageId()).isGreaterThan(reply.messageId());
            assertThat(confirmed.text()).isEqualTo("Đã xác nhận");
            assertThat(confirmed.hasInlineKeyboard()).isFalse();

            long replyId = lan.replyTo(reply, "trả lời");
            Update replied = received.poll(10, TimeUnit.SECONDS);
            assertThat(replied.getUpdateId()).isEqualTo((int) replyId);
            assertThat(replied.getMessage().getReplyToMessage().getMessageId()).isEqualTo(reply.messageId());
            lan.awaitText("Đã nhận: trả lời", WAIT);

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

    /** "ok", or the error description. */
    private String setMyCommands(String commands, String scope) throws Exception {
        String body = "{\"commands\":" + commands + (scope == null ? "" : ",\"scope\":" + scope) + "}";
        JsonNode answer = JSON.readTree(raw("setMyCommands", "application/json", body).body());
        return answer.path("ok").asBoolean() ? "ok" : answer.path("description").asText();
    }

    private static String commandsJson(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"command\":\"c" + i + "\",\"description\":\"Lệnh " + i + "\"}")
                .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElse("[]");
    }

    private static long lastUpdateId(JsonNode updates) {
        return updates.get(updates.size() - 1).path("update_id").asLong();
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
