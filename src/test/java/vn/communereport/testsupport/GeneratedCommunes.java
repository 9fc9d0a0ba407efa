package vn.communereport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the shipped {@code conversations/} with more communes in it, made from the fictional example commune
 * (mau-thu): "xa-01" … "xa-NN", each with its own name, place, signer and office administrators.
 */
public final class GeneratedCommunes {

    private static final Path SHIPPED = Path.of("conversations");

    private GeneratedCommunes() {
    }

    /** The shipped definitions, copied to {@code target}, with their files changed as {@code edits} say (path → old → new). */
    public static Path copyOfShipped(Path target, Map<String, Map<String, String>> edits) {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Path destination = target.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
            for (Map.Entry<String, Map<String, String>> file : edits.entrySet()) {
                Path path = target.resolve(file.getKey());
                String text = Files.readString(path);
                for (Map.Entry<String, String> edit : file.getValue().entrySet()) {
                    if (!text.contains(edit.getKey())) {
                        throw new IllegalArgumentException(file.getKey() + " has no «" + edit.getKey() + "»");
                    }
                    text = text.replace(edit.getKey(), edit.getValue());
                }
                Files.writeString(path, text);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code count} communes to a copy; commune {@code i} is administered by Telegram user {@code firstAdminId + i}. */
    public static List<String> add(Path conversations, int count, long firstAdminId) {
        try {
            String example = Files.readString(conversations.resolve("communes/mau-thu.yaml"));
            List<String> codes = new java.util.ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String number = String.format("%02d", i);
                String code = "xa-" + number;
                String text = example.replace("code: mau-thu", "code: " + code)
                        .replace("Mẫu Thử", "Thử Nghiệm " + number).replace("MẪU THỬ", "THỬ NGHIỆM " + number)
                        .replace("file_code: MauThu", "file_code: ThuNghiem" + number)
                        .replace("name: Lê Thị Ví Dụ", "name: Người Ký " + number)
                        .replaceAll("office_admins: \\[[^\\]]*\\]", "office_admins: [" + (firstAdminId + i) + "]");
                Files.writeString(conversations.resolve("communes/" + code + ".yaml"), text);
                codes.add(code);
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
