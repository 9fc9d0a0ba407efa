package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code draft:} of report.yaml: the shipped drafted sentences, and each slip refused at start in Vietnamese. */
class SentencePatternsTest {

    static final Path CONVERSATIONS = Path.of("conversations");
    static final String TTHC = "sentence: \"Trong kỳ, Trung tâm đã tiếp nhận {III.3.1} hồ sơ, giải quyết {III.3.2.1} hồ sơ, trong đó "
            + "{III.3.2.2} hồ sơ trước và đúng hạn, đạt {III.3.2}%.\"";

    @TempDir
    Path temp;

    @Test
    void theSeedsBlocksThatQuoteFiguresHaveDraftedSentences() {
        Definitions definitions = DefinitionFiles.load(CONVERSATIONS);
        ReportDefinition report = definitions.report("cchc").orElseThrow();
        SentencePattern tthc = report.sentencePatterns().of("II.2.2").orElseThrow();
        assertThat(tthc.figures()).containsExactly("III.3.1", "III.3.2.1", "III.3.2.2", "III.3.2");
        assertThat(tthc.sentence()).startsWith("Trong kỳ, Trung tâm đã tiếp nhận {III.3.1} hồ sơ");
        assertThat(report.sentencePatterns().byBlock().keySet())
                .containsExactlyInAnyOrder("I.2", "I.3", "II.1.2", "II.2.2", "II.3.2", "II.4.2", "II.6.2");
        assertThat(report.sentencePatterns().of("II.2.1")).isEmpty();
        // The yearly report shares the outline, and so the sentences.
        assertThat(definitions.report("cchc-nam").orElseThrow().sentencePatterns()).isEqualTo(report.sentencePatterns());
    }

    @Test
    void refusesAnUnknownFigure() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, "figures: [III.3.1, III.3.2.1, III.3.2.2, III.3.2]", "figures: [III.3.9, III.3.2.1, III.3.2.2, III.3.2]");
        assertRefused(root, "sections[II] › children[2] › children[2.2] › draft",
                "số liệu «III.3.9» trong «figures» không phải mã dòng nào của biểu thống kê");
    }

    @Test
    void refusesAHeadingRowAsAFigure() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, "figures: [IV.2.1]", "figures: [IV.2]");
        replaceIn(root, "Tổng số biên chế được giao là {IV.2.1} người.", "Tổng số biên chế được giao là {IV.2} người.");
        assertRefused(root, "sections[II]", "dòng «IV.2» trong «figures» là dòng tiêu đề, không có số liệu để trích dẫn");
    }

    @Test
    void refusesAPlaceholderThatIsNotAmongTheFigures() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, TTHC, TTHC.replace("{III.3.2}%", "{III.3.2}%, số hóa {III.4}%"));
        assertRefused(root, "sections[II]", "chỗ điền {III.4} trong «sentence» không phải tên đã biết và không có trong «figures» "
                + "(III.3.1, III.3.2.1, III.3.2.2, III.3.2)");
    }

    @Test
    void refusesAFigureTheSentenceDoesNotQuote() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, TTHC, TTHC.replace(", đạt {III.3.2}%", ""));
        assertRefused(root, "sections[II]", "số liệu «III.3.2» có trong «figures» nhưng câu «sentence» không trích dẫn (thiếu chỗ điền {III.3.2})");
    }

    @Test
    void refusesADraftOnAHeadingWithoutABlock() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, "        title: \"Đánh giá chung kết quả công tác chỉ đạo, điều hành CCHC\"\n",
                "        title: \"Đánh giá chung kết quả công tác chỉ đạo, điều hành CCHC\"\n"
                        + "        draft:\n          figures: [I.1]\n          sentence: \"{I.1} văn bản.\"\n");
        assertRefused(root, "sections[I] › children[5]", "«draft» chỉ dùng được ở mục có «block»");
    }

    @Test
    void refusesAnUnknownFieldOfADraft() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root, "figures: [IV.2.1]", "figures: [IV.2.1]\n              cau: \"x\"");
        assertRefused(root, "sections[II]", "trường «cau» không có trong mẫu (các trường dùng được: figures, sentence)");
    }

    private static void assertRefused(Path root, String entry, String problem) {
        Throwable thrown = catchThrowable(() -> DefinitionFiles.load(root));
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        DefinitionException refused = (DefinitionException) thrown;
        assertThat(refused.file().getFileName().toString()).isEqualTo("report.yaml");
        assertThat(refused.entry()).startsWith(entry);
        assertThat(refused.problem()).contains(problem);
    }

    private static void replaceIn(Path root, String from, String to) throws IOException {
        Path file = root.resolve("reports/cchc/report.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private Path copyOfShipped() throws IOException {
        Path target = temp.resolve("conversations");
        try (Stream<Path> files = Files.walk(CONVERSATIONS)) {
            for (Path source : files.collect(Collectors.toList())) {
                Path destination = target.resolve(CONVERSATIONS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }
}
