package vn.communereport.testsupport.botapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Bot API stand-in run by hand, to try the real bot as a person would without Telegram: start this, point the
 * application's {@code TELEGRAM_API_URL} at the address it prints, and type what people do, one line each:
 * <pre>
 * say 1001 /start          a person (by Telegram id) writes
 * tap 1001 sub             a person presses the button with this callback data
 * file 1001 /tmp/part.xlsx a person sends a document
 * </pre>
 * Everything the bot sends is printed as it arrives, with its buttons as {@code [label -> data]}; documents it
 * sends are also written to {@code target/stand-in/}, to open them.
 */
public final class StandInDesk {

    private StandInDesk() {
    }

    public static void main(String[] args) throws IOException {
        String token = args.length > 0 ? args[0] : System.getenv().getOrDefault("TELEGRAM_BOT_TOKEN", "");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (FakeBotApi api = FakeBotApi.start(token)) {
            Path documents = Files.createDirectories(Path.of("target", "stand-in"));
            api.addBotMessageListener(message -> {
                out.println("<< " + message.chatId() + " " + message);
                if (message.document() != null) {
                    keep(documents.resolve(message.document().fileName()), message.document().bytes(), out);
                }
            });
            out.println("TELEGRAM_API_URL=" + api.baseUrl());
            Map<Long, FakeUser> people = new HashMap<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ", 3);
                if (words.length < 3) {
                    continue;
                }
                long id = Long.parseLong(words[1]);
                FakeUser person = people.computeIfAbsent(id, key -> api.user(key, "Người " + key));
                out.println(">> " + id + " " + words[0] + " " + words[2]);
                switch (words[0]) {
                    case "say" -> person.sends(words[2]);
                    case "tap" -> person.presses(words[2]);
                    case "file" -> person.sendsDocument(Path.of(words[2]).getFileName().toString(),
                            Files.readAllBytes(Path.of(words[2])));
                    default -> out.println("?? say | tap | file");
                }
            }
        }
    }

    private static void keep(Path file, byte[] content, PrintStream out) {
        try {
            Files.write(file, content);
            out.println("   saved " + file.toAbsolutePath());
        } catch (IOException e) {
            out.println("   not saved: " + e.getMessage());
        }
    }
}
