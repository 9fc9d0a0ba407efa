package vn.communereport.telegram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.conversation.ReceivedFile;

/**
 * Fetches a document a person sent: getFile for its path, then its bytes from {@code {api-url}/file/bot<token>/<path>}
 * (the library's own download ignores the configured API URL). A file above the limit is refused before any byte
 * is fetched, by the size Telegram gives, and reading stops at the limit whatever the size said. Telegram lets a bot
 * download files up to 20 MB, so no limit goes above that.
 */
final class TelegramFiles {

    static final long TELEGRAM_DOWNLOAD_LIMIT = 20L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TelegramFiles.class);

    private final TelegramClient client;
    private final String fileBase;
    private final long limit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TelegramFiles(TelegramClient client, TelegramProperties properties, long limit) {
        this.client = client;
        String api = properties.apiUrl().endsWith("/") ? properties.apiUrl().substring(0, properties.apiUrl().length() - 1) : properties.apiUrl();
        this.fileBase = api + "/file/bot" + properties.botToken() + "/";
        this.limit = Math.min(limit, TELEGRAM_DOWNLOAD_LIMIT);
    }

    ReceivedFile fetch(Document document) {
        String name = document.getFileName() == null ? "" : document.getFileName();
        long size = document.getFileSize() == null ? 0 : document.getFileSize();
        if (size > limit) {
            return ReceivedFile.tooLarge(name, size, limit);
        }
        try {
            File file = client.execute(new GetFile(document.getFileId()));
            if (file.getFileSize() != null && file.getFileSize() > limit) {
                return ReceivedFile.tooLarge(name, file.getFileSize(), limit);
            }
            if (file.getFilePath() == null || file.getFilePath().isBlank()) {
                return ReceivedFile.unavailable(name, size);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(fileBase + file.getFilePath())).timeout(Duration.ofSeconds(60)).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    log.warn("A document could not be downloaded: HTTP {}", response.statusCode());
                    return ReceivedFile.unavailable(name, size);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(size, 1024), limit));
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = body.read(buffer)) > 0) {
                    total += read;
                    if (total > limit) {
                        return ReceivedFile.tooLarge(name, total, limit);
                    }
                    out.write(buffer, 0, read);
                }
                return ReceivedFile.of(name, out.toByteArray());
            }
        } catch (TelegramApiException | IOException e) {
            // The URL holds the token: only the kind of failure is logged.
            log.warn("A document could not be fetched from Telegram: {}", e.getClass().getSimpleName());
            return ReceivedFile.unavailable(name, size);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReceivedFile.unavailable(name, size);
        }
    }
}
