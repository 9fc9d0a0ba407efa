package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DefinitionLoaderTest {

    static final Path CONVERSATIONS = Path.of("conversations");
    static final Path SEED = Path.of("../shared/seed/000_dedb81eabae87168.txt");

    @TempDir
    Path temp;

    @Test
    void theShippedDefinitionsLoad() {
        Definitions definitions = DefinitionFiles.load(CONVERSATIONS);
        assertThat(definitions.communes()).containsKey("binh-lu");
        ReportDefinition report = definitions.report("cchc").orElseThrow();
        assertThat(report.flowsByDepartment().keySet())
                .containsExactlyInAnyOrder("van-phong", "kinh-te", "van-hoa-xa-hoi", "trung-tam-hcc");
    }

    /** Every row of the seed's statistics table is in the definition, in order, with its STT and label. */
    @Test
    void everySeedTableRowIsDefinedInOrder() throws IOException {
        ReportDefinition report = DefinitionFiles.load(CONVERSATIONS).report("cchc").orElseThrow();
        List<String[]> seedRows = seedTableRows();
        assertThat(seedRows).hasSize(124);
        assertThat(report.rows()).hasSize(seedRows.size());
        for (int i = 0; i < seedRows.size(); i++) {
            String seedStt = seedRows.get(i)[0].replaceAll("\\.$", "");
            TableRow row = report.rows().get(i);
            assertThat(row.stt()).as("STT of row %d", i + 1).isEqualTo(seedStt);
            assertThat(normalise(row.label())).as("label of row %s", row.code())
                    .isEqualTo(normalise(seedRows.get(i)[1]).replace("thông kê", "thống kê"));
        }
    }

    /** Each figure row and each narrative block is owed by exactly one question of one department. */
    @Test
    void everySlotIsOwedByExactlyOneDepartment() {
        ReportDefinition report = DefinitionFiles.load(CONVERSATIONS).report("cchc").orElseThrow();
        Map<String, List<String>> owners = new HashMap<>();
        report.flowsByDepartment().values().forEach(f -> f.questions()
                .forEach(q -> owners.computeIfAbsent(q.fills().toString(), k -> new ArrayList<>()).add(f.departmentCode())));
        report.rows().stream().filter(r -> r.kind() == TableRow.Kind.FIGURE)
                .forEach(r -> assertThat(owners.get("bieu:" + r.code())).as("owner of row %s", r.code()).hasSize(1));
        report.blocks().forEach(b -> assertThat(owners.get("muc:" + b.block())).as("owner of block %s", b.block()).hasSize(1));
        assertThat(report.blocks()).hasSizeGreaterThanOrEqualTo(40);
        // Rates whose parts are in the table are computed, never asked.
        assertThat(report.row("I.2").orElseThrow().kind()).isEqualTo(TableRow.Kind.COMPUTED);
        assertThat(report.row("VII.4.5").orElseThrow().kind()).isEqualTo(TableRow.Kind.COMPUTED);
    }

    /** The seed's narrative headings (I … V and their clauses) appear as sections, in the same order. */
    @Test
    void everySeedSectionHeadingIsDefinedInOrder() throws IOException {
        ReportDefinition report = DefinitionFiles.load(CONVERSATIONS).report("cchc").orElseThrow();
        List<String> defined = new ArrayList<>();
        collect(report.sections(), "", defined);
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        int from = 0;
        for (String heading : defined) {
            int at = seed.indexOf(heading, from);
            assertThat(at).as("heading «%s» after position %d of the seed", heading, from).isGreaterThanOrEqualTo(0);
            from = at + heading.length();
        }
    }

    private static void collect(List<SectionNode> nodes, String parent, List<String> into) {
        for (SectionNode node : nodes) {
            boolean roman = node.number().matches("[IVX]+");
            boolean letter = node.number().matches("[a-z]");
            if (!node.title().contains("{")) {
                into.add(node.number() + ". " + (letter ? node.title().split(":")[0] : node.title().replaceAll(":$", "")));
            }
            collect(node.children(), node.number(), into);
        }
    }

    private static List<String[]> seedTableRows() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        String table = seed.substring(seed.indexOf("BIỂU THỐNG KÊ SỐ LIỆU"));
        List<String[]> rows = new ArrayList<>();
        Pattern line = Pattern.compile("^\\|\\s*([IVX]+\\.?|\\d+(?:\\.\\d+)*)\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
        Matcher m = line.matcher(table);
        while (m.find()) {
            rows.add(new String[] {m.group(1).trim(), m.group(2).trim()});
        }
        return rows;
    }

    private static String normalise(String label) {
        return label.replaceAll("\\s+", " ").replaceAll("[.]$", "").trim().toLowerCase();
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void refusesAnUnknownQuestionType() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/flows/kinh-te.yaml"), "type: integer", "type: so-nguyen", 1);
        assertRefused(root, "kinh-te.yaml", "questions[", "loại câu hỏi «so-nguyen» không hợp lệ (dùng: integer, decimal");
    }

    @Test
    void refusesADuplicateQuestionId() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("reports/cchc/flows/kinh-te.yaml");
        List<String> ids = ids(file);
        replaceIn(file, "id: " + ids.get(1), "id: " + ids.get(0), 1);
        assertRefused(root, "kinh-te.yaml", "questions[" + ids.get(0) + "]", "mã câu hỏi «" + ids.get(0) + "» bị trùng");
    }

    @Test
    void refusesAFigureOwedByTwoDepartments() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("reports/cchc/flows/trung-tam-hcc.yaml");
        Files.writeString(file, Files.readString(file) + """
                  - id: hcc-lan-sang
                    fills: bieu:VI.2.1
                    type: integer
                    prompt: "Tổng số ĐVSN?"
                """);
        assertRefused(root, "trung-tam-hcc.yaml", "questions[hcc-lan-sang]", "«bieu:VI.2.1» đã do câu hỏi");
    }

    @Test
    void refusesASlotThatNothingFills() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("reports/cchc/flows/kinh-te.yaml");
        String text = Files.readString(file);
        // Remove the question that fills VI.2.1.
        Pattern question = Pattern.compile("  - id: [a-z0-9-]+\\n    fills: bieu:VI\\.2\\.1\\n(    .*\\n)*");
        Matcher m = question.matcher(text);
        assertThat(m.find()).isTrue();
        Files.writeString(file, text.substring(0, m.start()) + text.substring(m.end()));
        assertRefused(root, "report.yaml", "table › rows[VI.2.1]", "chưa có câu hỏi nào điền dòng này (thêm một câu hỏi có fills: bieu:VI.2.1)");
    }

    @Test
    void refusesAReferenceToAMissingRow() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/flows/kinh-te.yaml"), "fills: bieu:VI.2.1", "fills: bieu:VI.9.9", 1);
        assertRefused(root, "kinh-te.yaml", "questions[", "biểu không có dòng «VI.9.9»");
    }

    @Test
    void refusesARuleNamingAMissingRow() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("reports/cchc/report.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("left: ([IVX]+\\.[0-9.]+)", "left: IX.1"));
        assertRefused(root, "report.yaml", "rules[", "«left» ghi dòng «IX.1», nhưng biểu không có dòng này");
    }

    @Test
    void refusesAFlowForAnUnknownDepartment() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/flows/kinh-te.yaml"), "department: kinh-te", "department: phong-tai-chinh", 1);
        assertRefused(root, "kinh-te.yaml", null, "phòng, ban «phong-tai-chinh» không có trong tệp xã nào");
    }

    @Test
    void refusesBrokenYamlWithItsLine() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("communes/binh-lu.yaml");
        Files.writeString(file, Files.readString(file) + "\n  - [unclosed\n");
        assertRefused(root, "binh-lu.yaml", "dòng ", "không đúng cú pháp YAML");
    }

    /** Refused with the file, the entry (its start; null: the whole file) and the problem, worded in Vietnamese. */
    private static DefinitionException assertRefused(Path root, String fileName, String entry, String problem) {
        Throwable thrown = catchThrowable(() -> DefinitionFiles.load(root));
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        DefinitionException de = (DefinitionException) thrown;
        assertThat(de.file().getFileName().toString()).isEqualTo(fileName);
        if (entry == null) {
            assertThat(de.entry()).isNull();
        } else {
            assertThat(de.entry()).startsWith(entry);
        }
        assertThat(de.problem()).contains(problem);
        assertThat(de.getMessage()).contains(fileName).contains(problem);
        return de;
    }

    @Test
    void refusesAnUnknownFieldNamingTheAllowedOnes() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("communes/binh-lu.yaml"), "province: Lai Châu", "tinh: Lai Châu", 1);
        assertRefused(root, "binh-lu.yaml", null, "trường «tinh» không có trong mẫu (các trường dùng được: archive, code,");
    }

    @Test
    void refusesHolidaysInTheReportTheyBelongToTheCommune() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "  working_days: [", "  holidays: [\"2026-09-02\"]\n  working_days: [", 1);
        assertRefused(root, "report.yaml", "reminders", "ngày nghỉ (holidays) nay khai trong tệp của xã (communes/<mã>.yaml)");
    }

    @Test
    void refusesAHolidayThatIsNotADate() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("communes/binh-lu.yaml"), "\"2026-09-02\"", "\"2/9/2026\"", 1);
        assertRefused(root, "binh-lu.yaml", "holidays", "ngày nghỉ «2/9/2026» phải viết dạng năm-tháng-ngày");
    }

    @Test
    void refusesAnOpeningForAnUnknownReport() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("communes/binh-lu.yaml"), "  cchc: \"Thực hiện", "  tu-phap: \"Thực hiện", 1);
        assertRefused(root, "binh-lu.yaml", "openings › tu-phap", "openings ghi báo cáo «tu-phap», nhưng không có báo cáo này (các báo cáo: cchc, cchc-nam)");
    }

    @Test
    void refusesAnOpeningWithAnUnknownPlaceholder() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("communes/binh-lu.yaml"), "{co_quan} báo cáo", "{co_quan_xa} báo cáo", 1);
        assertRefused(root, "binh-lu.yaml", "openings", "chỗ điền {co_quan_xa} trong «cchc» không phải tên có sẵn");
    }

    /** The province's document is cited by the commune, not by the report type; so are the commune's days off. */
    @Test
    void whatIsParticularToTheCommuneLivesInTheCommuneFile() {
        Definitions definitions = DefinitionFiles.load(CONVERSATIONS);
        CommuneDefinition commune = definitions.commune("binh-lu").orElseThrow();
        ReportDefinition report = definitions.report("cchc").orElseThrow();
        assertThat(report.opening()).doesNotContain("3196").doesNotContain("Lai Châu");
        assertThat(commune.opening(report)).startsWith("Thực hiện Công văn số 3196/SNV-CCHC ngày 25/6/2025 của Ủy ban nhân dân tỉnh Lai Châu");
        assertThat(commune.holidays()).containsExactlyInAnyOrder(
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), LocalDate.of(2027, 1, 1));
        assertThat(report.reminders().holidays()).isEmpty();
        assertThat(report.reminders().withHolidays(commune.holidays()).isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(commune.issuingBodyShort()).isEqualTo("UBND xã Bình Lư");
    }

    @Test
    void aCommuneWithoutItsOwnOpeningUsesTheReportsGenericOne() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("communes/binh-lu.yaml");
        Files.writeString(file, Files.readString(file).replaceAll("(?s)\nopenings:\n  cchc: \"[^\"]*\"\n  cchc-nam: \"[^\"]*\"\n", "\n"));
        Definitions definitions = DefinitionFiles.load(root);
        ReportDefinition report = definitions.report("cchc").orElseThrow();
        assertThat(definitions.commune("binh-lu").orElseThrow().opening(report))
                .isEqualTo("{co_quan} báo cáo kết quả thực hiện công tác cải cách hành chính {ky} như sau:");
    }

    /** What the clerk sees when the bot refuses to start: file, entry and problem, in Vietnamese. */
    @Test
    void theStartUpFailureIsExplainedInVietnamese() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/flows/kinh-te.yaml"), "type: integer", "type: so-nguyen", 1);
        DefinitionException refused = assertRefused(root, "kinh-te.yaml", "questions[", "loại câu hỏi «so-nguyen»");
        FailureAnalysis analysis = new DefinitionFailureAnalyzer().analyze(refused, refused);
        assertThat(analysis.getDescription())
                .startsWith("Không dùng được các tệp định nghĩa báo cáo.")
                .contains("Tệp:    " + refused.file())
                .contains("Mục:    " + refused.entry())
                .contains("Lỗi:    loại câu hỏi «so-nguyen» không hợp lệ");
        assertThat(analysis.getAction()).contains("conversations/README.md");
    }

    private static List<String> ids(Path file) throws IOException {
        Matcher m = Pattern.compile("^  - id: (\\S+)", Pattern.MULTILINE).matcher(Files.readString(file));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static void replaceIn(Path file, String from, String to, int times) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        for (int i = 0; i < times; i++) {
            text = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
        }
        Files.writeString(file, text);
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
