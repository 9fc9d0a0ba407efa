package vn.communereport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.testsupport.web.SignedInitData;

/**
 * A department member filling the web form as the page's script does it for them, over real HTTP: opened as a Mini
 * App (Telegram-signed initData posted to {@code /miniapp/session}), the page fetched gzipped, every field saved as it
 * loses focus ({@code POST /app/form/answer}), a warning confirmed with a tap, then the review and the submission. The
 * page saves in the background: the person does not wait for a field's save, only for the page, the review and the
 * submission, and for the answer to a warning they must confirm.
 */
final class FormMember {

    private static final Pattern COOKIE = Pattern.compile("cr_session=([A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([A-Za-z0-9_-]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([a-z]+)\"");

    record Result(int requests, double seconds, double waitedSeconds, List<Long> stepNanos, long bytes, List<String> problems) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final long telegramUserId;
    private final String botToken;

    FormMember(String base, long telegramUserId, String botToken) {
        this.base = base;
        this.telegramUserId = telegramUserId;
        this.botToken = botToken;
    }

    /** The whole part of {@code flow} in period {@code periodId}, with the seed's values, thinking before each field. */
    Result fillPart(long periodId, Flow flow, Map<String, String> seedTable, long thinkMin, long thinkMax, Random think) throws Exception {
        Round round = new Round();
        long start = System.nanoTime();
        String initData = SignedInitData.forUser(telegramUserId, "Hoa", botToken, Instant.now());
        HttpResponse<byte[]> opened = round.waitFor(HttpRequest.newBuilder(URI.create(base + "/miniapp/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("initData=" + URLEncoder.encode(initData, StandardCharsets.UTF_8))), "initData=" + initData);
        Matcher cookie = COOKIE.matcher(String.join(";", opened.headers().allValues("set-cookie")));
        if (opened.statusCode() != 200 || !cookie.find()) {
            throw new IllegalStateException("/miniapp/session answered " + opened.statusCode() + ": " + new String(opened.body(), StandardCharsets.UTF_8));
        }
        String session = cookie.group(1);
        Matcher csrf = CSRF.matcher(new String(round.waitFor(get("/app/session", session), "").body(), StandardCharsets.UTF_8));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token from /app/session");
        }
        String token = csrf.group(1);
        round.waitFor(get("/app/form", session).header("Accept-Encoding", "gzip"), "");
        round.waitFor(get("/form/form.js", session).header("Accept-Encoding", "gzip"), "");
        round.waitFor(get("/form/form.css", session).header("Accept-Encoding", "gzip"), "");

        for (Question question : flow.questions()) {
            pause(thinkMin, thinkMax, think);
            String value = Answers.typed(question, seedTable);
            String state = round.save(session, token, periodId, question, value, false, false);
            if ("refused".equals(state)) {
                // As the chat's member does: the seed's 2.677 on-time files exceed the 2.647 resolved.
                pause(thinkMin, thinkMax, think);
                state = round.save(session, token, periodId, question, question.fills().ref().startsWith("III.3.2.2") ? "2.647" : "0", false, false);
            }
            if ("confirm".equals(state)) {
                // The person reads the warning and taps to keep the value: waits for that answer.
                pause(thinkMin / 2, thinkMax / 2, think);
                state = round.saveWaiting(session, token, periodId, question, value);
            }
            if (!"saved".equals(state)) {
                round.problems.add(question.id() + ": " + state);
            }
        }
        pause(thinkMin, thinkMax, think);
        round.waitFor(get("/app/form/review", session).header("Accept-Encoding", "gzip"), "");
        pause(thinkMin, thinkMax, think);
        String form = "period=" + periodId + "&_csrf=" + token;
        HttpResponse<byte[]> submitted = round.waitFor(HttpRequest.newBuilder(URI.create(base + "/app/form/submit"))
                .header("Cookie", "cr_session=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), form);
        String where = submitted.headers().firstValue("Location").orElse("");
        if (!where.contains("r=submitted")) {
            round.problems.add("submission answered " + submitted.statusCode() + " " + where);
        }
        round.waitFor(get("/app/form/review?r=submitted", session).header("Accept-Encoding", "gzip"), "");
        return new Result(round.requests, (System.nanoTime() - start) / 1e9, round.waitedNanos / 1e9, round.saveNanos, round.bytes, round.problems);
    }

    private HttpRequest.Builder get(String path, String session) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "cr_session=" + session).GET();
    }

    private static void pause(long min, long max, Random random) throws InterruptedException {
        long millis = max <= 0 ? 0 : min + (long) (random.nextDouble() * (max - min));
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** What one part costs on the wire and in waiting. */
    private final class Round {
        final List<Long> saveNanos = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int requests;
        long bytes;
        long waitedNanos;

        /** A request the person waits for (a page, the submission). */
        HttpResponse<byte[]> waitFor(HttpRequest.Builder request, String body) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = send(request, body);
            waitedNanos += System.nanoTime() - t0;
            return response;
        }

        /** A field's save, which the page makes in the background while the person goes on. */
        String save(String session, String csrf, long period, Question question, String value, boolean confirm, boolean waited)
                throws IOException, InterruptedException {
            String json = "{\"period\":" + period + ",\"q\":\"" + question.id() + "\","
                    + (value.isEmpty() ? "\"value\":null,\"skip\":true" : "\"value\":\"" + json(value) + "\"")
                    + (confirm ? ",\"confirm\":true" : "") + "}";
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/app/form/answer"))
                    .header("Cookie", "cr_session=" + session).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), json);
            long took = System.nanoTime() - t0;
            saveNanos.add(took);
            if (waited) {
                waitedNanos += took;
            }
            Matcher state = STATE.matcher(new String(response.body(), StandardCharsets.UTF_8));
            return state.find() ? state.group(1) : "HTTP " + response.statusCode();
        }

        String saveWaiting(String session, String csrf, long period, Question question, String value) throws IOException, InterruptedException {
            return save(session, csrf, period, question, value, true, true);
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request, String body) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            requests++;
            // what the phone sends and receives, headers left out (HTTP/1.1 headers are about the same for both channels)
            bytes += body.getBytes(StandardCharsets.UTF_8).length + response.body().length;
            return response;
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
