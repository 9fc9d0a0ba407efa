package vn.communereport.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.answering.AnswerPipeline;
import vn.communereport.collection.CollectionService;
import vn.communereport.collection.PeriodKey;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.conversation.ConversationEngine;
import vn.communereport.conversation.Inbound;
import vn.communereport.conversation.Reply;
import vn.communereport.definition.Flow;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;
import vn.communereport.definition.TableRow;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.Recipient;
import vn.communereport.testsupport.BotProcess;
import vn.communereport.testsupport.LongRunning;
import vn.communereport.testsupport.MutableClock;

/**
 * A province administrator through the real engine, on four generated communes of Lai Châu and one of Điện Biên, whose
 * members answered through the answer pipeline: the progress of each commune (on time, late, overdue, not opened),
 * reminders to a commune's office through the outbox, the summary's XLSX (sums, a rate recomputed from summed parts,
 * communes not complete marked and not counted) and ZIP (a valid DOCX per commune), the reporting rates, and access:
 * another province's commune and forged buttons are refused and change nothing.
 */
@LongRunning
class ProvinceSummaryTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long LAI_CHAU_ADMIN = 7001;
    static final long DIEN_BIEN_ADMIN = 7002;
    static final PeriodKey H1 = new PeriodKey(vn.communereport.definition.Frequency.HALF_YEAR, 2026, 1);
    static final PeriodKey H2_2025 = H1.previous();

    @TempDir
    static Path dir;
    static BotProcess app;
    static MutableClock clock;
    static ConversationEngine engine;
    static ReportDefinition report;
    static Map<String, ProvinceFixture.People> people = new HashMap<>();
    static int delivery;

    @BeforeAll
    static void seed() {
        Path conversations = ProvinceFixture.conversations(dir.resolve("conversations"), 4, LAI_CHAU_ADMIN, DIEN_BIEN_ADMIN);
        clock = new MutableClock(ZonedDateTime.of(2026, 6, 20, 9, 0, 0, 0, ZONE));
        app = BotProcess.start("http://127.0.0.1:9", dir.resolve("data"), "", Map.of("telegram.enabled", "false",
                "app.reminders.initial-delay", "PT24H", "app.conversations-dir", conversations.toString()), clock);
        engine = app.bean(ConversationEngine.class);
        AccessService access = app.bean(AccessService.class);
        PeriodService periods = app.bean(PeriodService.class);
        CollectionService collection = app.bean(CollectionService.class);
        AnswerPipeline pipeline = app.bean(AnswerPipeline.class);
        ReportScopes scopes = app.bean(ReportScopes.class);
        long id = 50_000;
        for (String commune : List.of("xa-01", "xa-02", "xa-03", "xa-04", "xa-db")) {
            people.put(commune, ProvinceFixture.people(access, scopes.owed(commune, "cchc").orElseThrow(), id));
            id += 100;
        }
        report = scopes.owed("xa-01", "cchc").orElseThrow().report();
        java.time.Instant deadline = ZonedDateTime.of(2026, 6, 25, 17, 0, 0, 0, ZONE).toInstant();

        // xa-01: the last half-year too (handed in after its deadline, an hour ago: late, but within the 24 hours of grace
        // before entry locks, cut_off of reports/cchc), then this one whole, on time
        ReportScope one = scopes.owed("xa-01", "cchc").orElseThrow();
        ReportingPeriod last = periods.open("xa-01", report, H2_2025, ZonedDateTime.of(2026, 6, 20, 8, 0, 0, 0, ZONE).toInstant()).period();
        answerAll(pipeline, collection, one, last, 1, Map.of());
        periods.close(last.getId());
        ReportingPeriod p1 = periods.open("xa-01", report, H1, deadline).period();
        answerAll(pipeline, collection, one, p1, 1, Map.of());
        // xa-02: twice the seed's figures, tasks 10 of 10 (so its rate I.2 differs from xa-01's); its last part late
        ReportScope two = scopes.owed("xa-02", "cchc").orElseThrow();
        ReportingPeriod p2 = periods.open("xa-02", report, H1, deadline).period();
        List<Flow> flows = two.flows();
        Map<String, BigDecimal> tasks = Map.of("I.2.1", BigDecimal.TEN, "I.2.2", BigDecimal.TEN);
        for (Flow flow : flows) {
            ProvinceFixture.answerPart(pipeline, report, flow, people.get("xa-02").byDepartment().get(flow.departmentCode()), p2, 2, tasks);
        }
        for (Flow flow : flows.subList(0, flows.size() - 1)) {
            ProvinceFixture.submit(collection, p2, two, flow.departmentCode(), people.get("xa-02").byDepartment().get(flow.departmentCode()));
        }
        // xa-03: two parts of four, on time; xa-04 never opens the period; xa-db (Điện Biên) opens it
        ReportScope three = scopes.owed("xa-03", "cchc").orElseThrow();
        ReportingPeriod p3 = periods.open("xa-03", report, H1, deadline).period();
        for (Flow flow : three.flows().subList(0, 2)) {
            ProvinceFixture.answerPart(pipeline, report, flow, people.get("xa-03").byDepartment().get(flow.departmentCode()), p3, 3, Map.of());
            ProvinceFixture.submit(collection, p3, three, flow.departmentCode(), people.get("xa-03").byDepartment().get(flow.departmentCode()));
        }
        periods.open("xa-db", report, H1, deadline);

        clock.set(ZonedDateTime.of(2026, 6, 26, 9, 0, 0, 0, ZONE));
        Flow lastFlow = flows.get(flows.size() - 1);
        ProvinceFixture.submit(collection, p2, two, lastFlow.departmentCode(), people.get("xa-02").byDepartment().get(lastFlow.departmentCode()));
    }

    private static void answerAll(AnswerPipeline pipeline, CollectionService collection, ReportScope scope, ReportingPeriod period,
                                  int factor, Map<String, BigDecimal> overrides) {
        for (Flow flow : scope.flows()) {
            var member = people.get(scope.communeCode()).byDepartment().get(flow.departmentCode());
            ProvinceFixture.answerPart(pipeline, report, flow, member, period, factor, overrides);
            ProvinceFixture.submit(collection, period, scope, flow.departmentCode(), member);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }

    static Reply say(long who, String text) {
        return engine.handle(Inbound.text(telegram(who), "t" + (++delivery), "Tỉnh", text));
    }

    static Reply press(long who, String data) {
        return press(who, data, "b" + (++delivery));
    }

    static Reply press(long who, String data, String deliveryId) {
        return engine.handle(Inbound.button(telegram(who), deliveryId, "Tỉnh", data));
    }

    static String texts(Reply reply) {
        return String.join("\n", reply.messages().stream().map(Outbound::text).toList());
    }

    static List<String> buttons(Reply reply) {
        List<String> data = new ArrayList<>();
        reply.messages().forEach(m -> m.buttons().forEach(row -> row.forEach(b -> data.add(b.data()))));
        return data;
    }

    // ------------------------------------------------------------------ progress

    @Test
    void progressAsksForThePeriodThenShowsEachCommuneOfTheProvinceOnly() {
        // The communes owe the six-monthly and the yearly report (their files say so): which one first, then which period.
        Reply report = say(LAI_CHAU_ADMIN, "/tiendo");
        assertThat(texts(report)).contains("Chọn báo cáo");
        assertThat(buttons(report)).containsExactly("pv|r|cchc|p", "pv|r|cchc-nam|p");
        Reply choose = press(LAI_CHAU_ADMIN, "pv|r|cchc|p");
        assertThat(texts(choose)).contains("Chọn kỳ");
        assertThat(buttons(choose)).containsExactly("pv|p|cchc|2026-H1", "pv|p|cchc|2025-H2");
        assertThat(choose.messages()).allSatisfy(m -> assertThat(m.to()).isEqualTo(Recipient.address("telegram", "7001")));

        String progress = texts(press(LAI_CHAU_ADMIN, "pv|p|cchc|2026-H1"));
        assertThat(progress).contains("Tiến độ Báo cáo cải cách hành chính 6 tháng đầu năm 2026 – tỉnh Lai Châu")
                .contains("✅ Xã Thử 01: đã nộp đủ 4/4 phần, đúng hạn")
                .contains("🕘 Xã Thử 02: đã nộp đủ 4/4 phần, 1 phần nộp trễ hạn")
                .contains("❗ Xã Thử 03: đã nộp 2/4 phần – quá hạn 17:00 25/06/2026")
                .contains("⚪ Xã Thử 04: chưa mở kỳ")
                .contains("Đã nộp đủ: 2/4 xã, phường (1 xã đúng hạn).")
                .doesNotContain("Điện Biên");
        assertThat(buttons(press(LAI_CHAU_ADMIN, "pv|p|cchc|2026-H1")))
                .contains("pv|m|cchc|2026-H1|xa-03", "pv|m|cchc|2026-H1|xa-04", "pv|s|cchc|2026-H1")
                .doesNotContain("pv|m|cchc|2026-H1|xa-01", "pv|m|cchc|2026-H1|xa-db");

        assertThat(texts(say(DIEN_BIEN_ADMIN, "/tiendo"))).contains("Chọn báo cáo");
        String other = texts(press(DIEN_BIEN_ADMIN, "pv|r|cchc|p"));
        assertThat(other).contains("Xã Điện Biên Thử: đã nộp 0/4 phần").doesNotContain("Xã Thử 0");
    }

    // ------------------------------------------------------------------ reminders

    @Test
    void aReminderGoesToEachOfficeAdministratorOfTheCommuneOncePerPress() {
        long admin = people.get("xa-03").admin().getId();
        Reply reply = press(LAI_CHAU_ADMIN, "pv|m|cchc|2026-H1|xa-03", "remind-1");
        List<Outbound> toOffice = reply.messages().stream().filter(m -> m.to().equals(Recipient.member(admin))).toList();
        assertThat(toOffice).hasSize(1);
        assertThat(toOffice.get(0).text()).contains("Sở Nội vụ tỉnh Lai Châu nhắc")
                .contains("Xã Thử 03 mới nộp 2/4 phần (hạn 17:00 25/06/2026)");
        assertThat(reply.buttonNotice()).isEqualTo("Đã gửi lời nhắc");
        assertThat(texts(reply)).contains("Đã gửi lời nhắc tới 1 quản trị Văn phòng của Xã Thử 03");
        // the same delivery again (Telegram re-delivering it): applied once, nothing more is written
        Reply again = press(LAI_CHAU_ADMIN, "pv|m|cchc|2026-H1|xa-03", "remind-1");
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messages()).isEmpty();
        // a commune that has handed everything in is not reminded
        Reply done = press(LAI_CHAU_ADMIN, "pv|m|cchc|2026-H1|xa-01");
        assertThat(done.messages()).allSatisfy(m -> assertThat(m.to()).isEqualTo(Recipient.address("telegram", "7001")));
        assertThat(texts(done)).contains("đã nộp đủ");
    }

    @Test
    void aCommuneOfAnotherProvinceAndForgedButtonsAreRefusedAndRemindNobody() {
        long otherOffice = people.get("xa-db").admin().getId();
        for (String forged : List.of("pv|m|cchc|2026-H1|xa-db", "pv|m|cchc|2026-H1|xa-99")) {
            Reply reply = press(LAI_CHAU_ADMIN, forged);
            assertThat(texts(reply)).as(forged).contains("Xã này không thuộc tỉnh Lai Châu");
            assertThat(reply.messages()).as(forged).allSatisfy(m -> assertThat(m.to()).isEqualTo(Recipient.address("telegram", "7001")));
        }
        assertThat(press(DIEN_BIEN_ADMIN, "pv|s|cchc|2026-H1").messages().stream().filter(m -> m.attachment() != null)).hasSize(2);
        for (String forged : List.of("pv|m|cchc|2026-H1", "pv|p|cchc|2026-Q1", "pv|p|other|2026-H1", "pv|x|cchc|2026-H1",
                "pv|p|cchc|2026-H1|xa-01", "pv|p|CCHC|2026-H1", "rem|all", "pv|s|cchc|2026-H1'; drop table answer")) {
            Reply reply = press(LAI_CHAU_ADMIN, forged);
            assertThat(texts(reply)).as(forged).contains("Nút này không hợp lệ hoặc đã cũ; không có gì thay đổi.");
            assertThat(reply.messages()).as(forged).hasSize(1);
            assertThat(reply.messages().get(0).to()).isEqualTo(Recipient.address("telegram", "7001"));
        }
        assertThat(otherOffice).isPositive();
    }

    @Test
    void aCommuneOfficeAdministratorIsNotAProvinceAdministrator() {
        Reply office = say(50_000, "/tiendo"); // xa-01's office administrator (the fixture's first Telegram id)
        assertThat(texts(office)).doesNotContain("tỉnh Lai Châu").contains("Tiến độ");
        Reply stranger = press(999_999, "pv|s|cchc|2026-H1");
        assertThat(stranger.messages().stream().filter(m -> m.attachment() != null)).isEmpty();
    }

    // ------------------------------------------------------------------ the summary

    @Test
    void theSummarySumsCompleteCommunesRecomputesRatesAndMarksTheOthers() throws IOException {
        Reply reply = press(LAI_CHAU_ADMIN, "pv|s|cchc|2026-H1");
        assertThat(texts(reply)).contains("2/4 xã, phường đã nộp đủ").contains("• Xã Thử 03: mới nộp 2/4 phần")
                .contains("• Xã Thử 04: chưa mở kỳ");
        Outbound.Attachment xlsx = attachment(reply, ".xlsx");
        Outbound.Attachment zip = attachment(reply, ".zip");
        assertThat(xlsx.fileName()).isEqualTo("TongHop_CCHC_6T-2026_LaiChau.xlsx");
        Files.createDirectories(Path.of("target"));
        // kept to be looked at (libreoffice --headless --convert-to pdf, then pdftoppm -png)
        Files.write(Path.of("target", xlsx.fileName()), xlsx.content());
        Files.write(Path.of("target", zip.fileName()), zip.content());

        Map<String, BigDecimal> seed = ProvinceFixture.seedFigures(report);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(3);
            assertThat(text(header.getCell(3))).isEqualTo("Toàn tỉnh");
            assertThat(List.of(text(header.getCell(4)), text(header.getCell(5)), text(header.getCell(6)), text(header.getCell(7))))
                    .containsExactly("Xã Thử 01", "Xã Thử 02", "Xã Thử 03", "Xã Thử 04");
            assertThat(header.getCell(8)).isNull(); // Điện Biên's commune is not in Lai Châu's summary
            Row status = sheet.getRow(4);
            assertThat(text(status.getCell(3))).isEqualTo("2/4 xã đã nộp đủ");
            assertThat(text(status.getCell(6))).isEqualTo("Chưa nộp đủ (2/4 phần)");
            assertThat(text(status.getCell(7))).isEqualTo("Chưa mở kỳ");

            // a count: summed over the two complete communes (seed × 1 and × 2), the others not counted as zero
            Row received = row(sheet, "III.3.1");
            assertThat(received.getCell(4).getNumericCellValue()).isEqualTo(2654);
            assertThat(received.getCell(5).getNumericCellValue()).isEqualTo(5308);
            assertThat(received.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(received.getCell(6).getCellStyle().getFillForegroundColor()).isNotEqualTo((short) 64);
            assertThat(received.getCell(3).getCellFormula()).isEqualTo("SUM(E" + (received.getRowNum() + 1) + ":H" + (received.getRowNum() + 1) + ")");
            assertThat(received.getCell(3).getNumericCellValue()).isEqualTo(7962);
            assertThat(seed.get("III.3.1")).isEqualByComparingTo("2654");

            // a rate: recomputed from the summed parts (55 / 89), not the mean of 56,96 and 100
            TableRow rateRow = report.row("I.2").orElseThrow();
            Row rate = row(sheet, "I.2");
            int decimals = rateRow.compute().decimals();
            assertThat(rate.getCell(4).getNumericCellValue()).isEqualTo(rounded(45, 79, decimals));
            assertThat(rate.getCell(5).getNumericCellValue()).isEqualTo(100.0);
            assertThat(rate.getCell(3).getNumericCellValue()).isEqualTo(rounded(45 + 10, 79 + 10, decimals))
                    .isNotEqualTo((rounded(45, 79, decimals) + 100) / 2);
            assertThat(row(sheet, "I.2.1").getCell(3).getNumericCellValue()).isEqualTo(89);

            // a rate typed in (no parts in the table) is neither summed nor averaged
            String typedRate = report.questionsBySlot().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("bieu:") && e.getValue().type() == vn.communereport.definition.QuestionType.PERCENT)
                    .map(e -> e.getKey().substring(5)).findFirst().orElseThrow();
            assertThat(text(row(sheet, typedRate).getCell(3))).isEqualTo("(*)");
        }

        Map<String, byte[]> entries = unzip(zip.content());
        assertThat(entries.keySet()).hasSize(3).anyMatch(n -> n.endsWith("_Thu01.docx")).anyMatch(n -> n.endsWith("_Thu02.docx"))
                .anyMatch(n -> n.startsWith("DuThao_") && n.endsWith("_Thu03.docx"));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(entry.getValue()))) {
                assertThat(docx.getParagraphs()).as(entry.getKey()).isNotEmpty();
                assertThat(docx.getTables()).as(entry.getKey()).isNotEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ completeness and timeliness

    @Test
    void reportingAndOnTimeRatesCountPartsOverTheLastPeriods() {
        String rates = texts(press(LAI_CHAU_ADMIN, "pv|t|cchc"));
        assertThat(rates).contains("2 kỳ gần nhất (6 tháng đầu năm 2026, 6 tháng cuối năm 2025)")
                // 8 of 8 parts in; the last half-year's 4 after its deadline
                .contains("Xã Thử 01: nộp 100% (8/8) · đúng hạn 50% (4/8)")
                // the last half-year never opened: 4 parts expected, none in
                .contains("Xã Thử 02: nộp 50% (4/8) · đúng hạn 37,5% (3/8)")
                .contains("Xã Thử 03: nộp 25% (2/8) · đúng hạn 25% (2/8)")
                .contains("Xã Thử 04: nộp 0% (0/8) · đúng hạn 0% (0/8)")
                .contains("Toàn tỉnh: nộp 43,8% (14/32) · đúng hạn 28,1% (9/32)");
    }

    // ------------------------------------------------------------------ helpers

    static double rounded(long numerator, long denominator, int decimals) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static Row row(Sheet sheet, String code) {
        int index = 0;
        for (TableRow row : report.rows()) {
            if (row.code().equals(code)) {
                return sheet.getRow(5 + index);
            }
            index++;
        }
        throw new IllegalArgumentException(code);
    }

    static String text(Cell cell) {
        return cell == null ? null : cell.getStringCellValue();
    }

    static Outbound.Attachment attachment(Reply reply, String suffix) {
        return reply.messages().stream().map(Outbound::attachment).filter(a -> a != null && a.fileName().endsWith(suffix))
                .findFirst().orElseThrow();
    }

    static Map<String, byte[]> unzip(byte[] content) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
