package vn.communereport.province;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.answering.AnswerInput;
import vn.communereport.answering.AnswerOutcome;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.answering.AnswerRequest;
import vn.communereport.collection.AnswerValue;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.Flow;
import vn.communereport.definition.Question;
import vn.communereport.definition.QuestionType;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScope;
import vn.communereport.testsupport.SeedReport;

/**
 * A conversations folder with several communes (copies of Bình Lư under other codes and names) in two provinces, and
 * the answers of whole communes stored through the real answer pipeline by their own members.
 */
final class ProvinceFixture {

    /** The seed's cells that are not numbers, as the report tests correct them; III.3.2.1 and III.3.2.2 as its narrative gives them. */
    static final Map<String, String> CORRECTED = Map.of("I.4.1", "30", "I.4.2", "1", "III.3.2.1", "2.654", "III.3.2.2", "2.647");

    private ProvinceFixture() {
    }

    static String code(int n) {
        return String.format("xa-%02d", n);
    }

    static String name(int n) {
        return String.format("Xã Thử %02d", n);
    }

    /**
     * {@code laiChau} communes of Lai Châu (xa-01 …) and one of Điện Biên (xa-db), with provinces/lai-chau.yaml naming
     * {@code laiChauAdmin} and provinces/dien-bien.yaml naming {@code dienBienAdmin}.
     */
    static Path conversations(Path into, int laiChau, long laiChauAdmin, long dienBienAdmin) {
        try {
            Path source = Path.of("conversations");
            copyTree(source.resolve("reports"), into.resolve("reports"));
            Files.createDirectories(into.resolve("communes"));
            Map<String, Object> binhLu = load(source.resolve("communes/binh-lu.yaml"));
            for (int n = 1; n <= laiChau; n++) {
                writeCommune(into, binhLu, code(n), name(n), String.format("Thu%02d", n), "Lai Châu");
            }
            writeCommune(into, binhLu, "xa-db", "Xã Điện Biên Thử", "DienBienThu", "Điện Biên");
            Files.createDirectories(into.resolve("provinces"));
            Files.writeString(into.resolve("provinces/lai-chau.yaml"), "code: lai-chau\nname: Lai Châu\n"
                    + "authority: Sở Nội vụ tỉnh Lai Châu\nadmin_telegram_ids: [" + laiChauAdmin + "]\n", StandardCharsets.UTF_8);
            Files.writeString(into.resolve("provinces/dien-bien.yaml"), "code: dien-bien\nname: Điện Biên\n"
                    + "authority: Sở Nội vụ tỉnh Điện Biên\nadmin_telegram_ids: [" + dienBienAdmin + "]\n", StandardCharsets.UTF_8);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCommune(Path into, Map<String, Object> template, String code, String name, String fileCode, String province)
            throws IOException {
        Map<String, Object> commune = new LinkedHashMap<>(template);
        commune.put("code", code);
        commune.put("name", name);
        commune.put("place", name.substring(3));
        commune.put("province", province);
        commune.put("file_code", fileCode);
        commune.put("issuing_body", List.of("ỦY BAN NHÂN DÂN", name.toUpperCase(java.util.Locale.ROOT)));
        commune.put("issuing_body_name", "Ủy ban nhân dân " + name.toLowerCase(java.util.Locale.ROOT));
        commune.put("issuing_body_short", "UBND " + name.toLowerCase(java.util.Locale.ROOT));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        try (Writer out = Files.newBufferedWriter(into.resolve("communes/" + code + ".yaml"), StandardCharsets.UTF_8)) {
            new Yaml(options).dump(commune, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Row code → the seed's figure (null where the seed leaves it blank), figure rows only. */
    static Map<String, BigDecimal> seedFigures(ReportDefinition report) {
        Map<String, String> printed = SeedReport.tableValues(report);
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        report.rows().stream().filter(r -> r.kind() == vn.communereport.definition.TableRow.Kind.FIGURE).forEach(row -> {
            String text = CORRECTED.getOrDefault(row.code(), printed.get(row.code()));
            figures.put(row.code(), text.isBlank() ? null : new BigDecimal(text.replace(".", "").replace(',', '.')));
        });
        return figures;
    }

    /** The commune's office administrator and one member per department, made as the bot makes them. */
    record People(Member admin, Map<String, Member> byDepartment) {
    }

    static People people(AccessService access, ReportScope scope, long firstId) {
        ChannelIdentity adminId = new ChannelIdentity("telegram", String.valueOf(firstId), String.valueOf(firstId));
        access.ensureOfficeAdmins(scope.communeCode(), List.of(adminId));
        Member admin = access.officeAdmins(scope.communeCode()).get(0);
        Map<String, Member> members = new LinkedHashMap<>();
        long id = firstId + 1;
        for (Flow flow : scope.flows()) {
            String invite = access.createInvite(admin, flow.departmentCode());
            ChannelIdentity who = new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
            members.put(flow.departmentCode(), access.redeem(invite, who, "Member " + id).member());
            id++;
        }
        return new People(admin, members);
    }

    /**
     * Every question of the department answered through the pipeline: figures are the seed's times {@code factor} (rates
     * typed in and yes/no as they are), with {@code overrides} by row code; narratives a line naming the commune.
     * Warnings are confirmed, as a member would; anything refused fails the fixture.
     */
    static void answerPart(AnswerPipeline pipeline, ReportDefinition report, Flow flow, Member member, ReportingPeriod period,
                           int factor, Map<String, BigDecimal> overrides) {
        Map<String, BigDecimal> seed = seedFigures(report);
        List<String> problems = new ArrayList<>();
        for (Question question : flow.questions()) {
            AnswerValue value;
            if (question.type() == QuestionType.NARRATIVE || question.type() == QuestionType.TEXT) {
                value = AnswerValue.ofText("Nội dung " + question.fills().ref() + " của " + period.getCommuneCode() + ".");
            } else {
                String row = question.fills().ref();
                BigDecimal base = overrides.containsKey(row) ? overrides.get(row) : seed.get(row);
                if (base == null) {
                    value = AnswerValue.SKIPPED;
                } else {
                    boolean scaled = !overrides.containsKey(row) && question.type() != QuestionType.PERCENT
                            && question.type() != QuestionType.YESNO;
                    value = AnswerValue.ofNumber(scaled ? base.multiply(BigDecimal.valueOf(factor)) : base);
                }
            }
            AnswerOutcome outcome = pipeline.answer(AnswerRequest.of(member, period, question, AnswerInput.given(value), null)
                    .withWarningsAccepted("Số liệu mẫu của tỉnh, đã đối chiếu"));
            if (!(outcome instanceof AnswerOutcome.Stored)) {
                problems.add(question.id() + ": " + outcome);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("answers not stored: " + problems);
        }
    }

    static void submit(CollectionService collection, ReportingPeriod period, ReportScope scope, String department, Member member) {
        if (!collection.submit(period, department, member.getId(), scope.owingDepartments()).submitted()) {
            throw new IllegalStateException("not submitted: " + department);
        }
    }
}
