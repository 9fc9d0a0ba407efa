package vn.communereport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.communereport.testsupport.FlowDriver.WAIT;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.Office;
import vn.communereport.testsupport.botapi.FakeBotApi;
import vn.communereport.testsupport.botapi.FakeUser;
import vn.communereport.testsupport.web.WebSessions;

/**
 * From the chat to the browser, over real HTTP against the running application: a member sends /web, gets a link,
 * opens it (a preview spends nothing), presses its button, and is signed in under /app/; the link works once.
 */
@LongRunning
class WebLinkEndToEndTest {

    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/login/[A-Za-z0-9_-]{43}");

    @TempDir
    Path data;
    FakeBotApi api;
    BotProcess bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotProcess.TOKEN);
        bot = BotProcess.start(api.baseUrl(), data, String.valueOf(Office.ADMIN), Map.of());
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    @Test
    void aMemberSendsSlashWebOpensTheLinkAndIsSignedInOnce() {
        FakeUser admin = api.user(Office.ADMIN, "Lò Văn Phòng");
        FakeUser lan = Office.join(api, admin, "kinh-te", 2001, "Lan");
        lan.sends("/web");
        String text = lan.awaitText("Liên kết mở trang báo cáo", WAIT).text();
        assertThat(text).contains("dùng được một lần, trong 10 phút");
        // Telegram opens Mini Apps only over HTTPS; on http://localhost there is no web_app button and no menu button.
        assertThat(lan.lastMessage().buttons()).noneMatch(b -> b.opensWebApp());
        assertThat(api.menuButton(2001)).isEqualTo(Map.of("type", "commands"));
        Matcher found = LINK.matcher(text);
        assertThat(found.find()).as(text).isTrue();
        URI link = URI.create(found.group());
        assertThat(link.getPort()).isEqualTo(URI.create(WebSessions.baseUrl(bot)).getPort());

        HttpResponse<String> preview = WebSessions.send(HttpRequest.newBuilder(link).GET().build());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<form method=\"post\"").contains("Đăng nhập");

        HttpResponse<String> login = WebSessions.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("location")).hasValue("/app/form");
        String cookie = "cr_session=" + WebSessions.sessionToken(login.headers().allValues("set-cookie"));

        HttpResponse<String> session = WebSessions.send(HttpRequest.newBuilder(link.resolve("/app/session")).header("Cookie", cookie).GET().build());
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"memberId\":" + WebSessions.telegramMember(bot, 2001).getId()).contains("\"officeAdmin\":false");
        // The form's page comes from another part of the web channel; whatever it answers, the filter let the member in.
        HttpResponse<String> form = WebSessions.send(HttpRequest.newBuilder(link.resolve("/app/form")).header("Cookie", cookie).GET().build());
        assertThat(form.statusCode()).isNotIn(401, 403);
        HttpResponse<String> anonymous = WebSessions.send(HttpRequest.newBuilder(link.resolve("/app/form")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> again = WebSessions.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.headers().allValues("set-cookie")).isEmpty();
        assertThat(again.body()).contains("Liên kết đã được dùng");
    }

    @Test
    void tomcatRefusesUploadsOverFiveMegabytesWithOrWithoutADeclaredLength() {
        var signedIn = WebSessions.signIn(bot, WebSessions.telegramMember(bot, Office.ADMIN));
        URI upload = URI.create(WebSessions.baseUrl(bot) + "/app/upload");
        byte[] body = new byte[6 * 1024 * 1024];
        HttpResponse<String> declared = WebSessions.send(HttpRequest.newBuilder(upload).header("Cookie", signedIn.cookieHeader())
                .header("X-CSRF-Token", signedIn.csrfToken()).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("Tệp quá lớn");

        byte[] multipart = multipart(body);
        HttpResponse<String> chunked = WebSessions.send(HttpRequest.newBuilder(upload).header("Cookie", signedIn.cookieHeader())
                .header("X-CSRF-Token", signedIn.csrfToken()).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(multipart))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("Tệp quá lớn");
    }

    static byte[] multipart(byte[] file) {
        String head = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--xyz--\r\n";
        byte[] all = new byte[head.length() + file.length + tail.length()];
        System.arraycopy(head.getBytes(), 0, all, 0, head.length());
        System.arraycopy(file, 0, all, head.length(), file.length);
        System.arraycopy(tail.getBytes(), 0, all, head.length() + file.length, tail.length());
        return all;
    }
}
