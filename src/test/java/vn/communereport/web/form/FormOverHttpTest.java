package vn.communereport.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.collection.CollectionService;
import vn.communereport.testsupport.web.SignedIn;
import vn.communereport.testsupport.web.WebApp;
import vn.communereport.testsupport.web.WebSessions;

/**
 * The form over real HTTP, behind the session filter: the largest department's page under 100 KB as transferred
 * (gzip), its script and style served from this host, a change without the session's CSRF token refused with nothing
 * stored, and with it saved. How long a render or a save takes is the benchmark's ({@code -Pbench -Dbench=form}).
 */
class FormOverHttpTest {

    @TempDir
    Path data;
    WebApp app;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        app = WebApp.start(data);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void thePageIsLightAndAChangeNeedsTheSessionsToken() throws Exception {
        app.member("van-hoa-xa-hoi", 7001, "Lan");
        SignedIn lan = WebSessions.signIn(app.bot(), 7001);
        String base = app.baseUrl();

        HttpResponse<byte[]> plain = send(page(base, lan).build());
        HttpResponse<byte[]> zipped = send(page(base, lan).header("Accept-Encoding", "gzip").build());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(html).contains("Phòng Văn hóa - Xã hội").contains("vh-cd-ke-hoach");
        long script = send(get(base + "/form/form.js", lan).header("Accept-Encoding", "gzip").build()).body().length;
        long style = send(get(base + "/form/form.css", lan).header("Accept-Encoding", "gzip").build()).body().length;
        long transferred = zipped.body().length + script + style;
        assertThat(plain.body().length).isLessThan(100 * 1024);
        assertThat(transferred).isLessThan(100 * 1024);

        long period = app.bot().bean(vn.communereport.collection.PeriodService.class)
                .currentPeriod(app.bot().bean(vn.communereport.definition.ReportScopes.class).all().get(0)).getId();
        HttpResponse<byte[]> forged = send(HttpRequest.newBuilder(URI.create(base + "/app/form/answer"))
                .header("Cookie", SignedIn.COOKIE + "=" + lan.sessionToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormFixture.save(period, "vh-vb-chi-dao-cchc", "5"))).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(app.bot().bean(CollectionService.class).answer(period, "vh-vb-chi-dao-cchc")).isEmpty();

        HttpResponse<byte[]> saved = send(post(base, lan, FormFixture.save(period, "vh-vb-chi-dao-cchc", "5")));
        assertThat(new String(saved.body(), StandardCharsets.UTF_8)).contains("\"state\":\"saved\"");
        assertThat(app.bot().bean(CollectionService.class).answer(period, "vh-vb-chi-dao-cchc").orElseThrow().value().number())
                .isEqualByComparingTo("5");
        System.out.printf("form page, Phòng Văn hóa - Xã hội (60 questions): %d bytes HTML, %d gzipped; %d bytes transferred with form.js and form.css%n",
                plain.body().length, zipped.body().length, transferred);
    }

    private static HttpRequest.Builder get(String url, SignedIn who) {
        return HttpRequest.newBuilder(URI.create(url)).header("Cookie", SignedIn.COOKIE + "=" + who.sessionToken()).GET();
    }

    private static HttpRequest.Builder page(String base, SignedIn who) {
        return get(base + "/app/form", who);
    }

    private static HttpRequest post(String base, SignedIn who, String json) {
        return HttpRequest.newBuilder(URI.create(base + "/app/form/answer")).header("Cookie", SignedIn.COOKIE + "=" + who.sessionToken())
                .header("X-CSRF-Token", who.csrfToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
