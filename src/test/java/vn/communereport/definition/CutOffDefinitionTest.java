package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cut_off} of report.yaml: the shipped windows and deadlines, and each bad value refused in Vietnamese. */
class CutOffDefinitionTest {

    static final Path CONVERSATIONS = Path.of("conversations");
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path temp;

    @Test
    void theSixMonthlyWindowsAreThoseOfTheDecreeWithTheirDeadlineAndGrace() {
        Definitions definitions = DefinitionFiles.load(CONVERSATIONS);
        CommuneDefinition binhLu = definitions.commune("binh-lu").orElseThrow();
        ReportScope six = new ReportScope(binhLu, definitions.report("cchc").orElseThrow());
        CutOff cutOff = six.report().cutOffRule().orElseThrow();
        assertThat(cutOff.windowStart(2026, 1)).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(cutOff.windowEnd(2026, 1)).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThat(cutOff.windowStart(2026, 2)).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(cutOff.windowEnd(2026, 2)).isEqualTo(LocalDate.of(2026, 12, 14));
        // 14/6/2026 is a Sunday: two working days after it are Monday 15 and Tuesday 16.
        assertThat(cutOff.deadline(2026, 1, six.reminders(), HANOI)).isEqualTo(ZonedDateTime.of(2026, 6, 16, 17, 0, 0, 0, HANOI));
        assertThat(cutOff.deadline(2026, 2, six.reminders(), HANOI)).isEqualTo(ZonedDateTime.of(2026, 12, 16, 17, 0, 0, 0, HANOI));
        assertThat(cutOff.grace()).isEqualTo(Duration.ofHours(24));
        assertThat(cutOff.maxLateDays()).isEqualTo(10);

        ReportScope year = new ReportScope(binhLu, definitions.report("cchc-nam").orElseThrow());
        CutOff yearly = year.report().cutOffRule().orElseThrow();
        assertThat(yearly.windowStart(2026, 1)).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(yearly.windowEnd(2026, 1)).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(yearly.deadline(2026, 1, year.reminders(), HANOI)).isEqualTo(ZonedDateTime.of(2026, 12, 17, 17, 0, 0, 0, HANOI));
    }

    @Test
    void workingDaysSkipTheCommunesHolidaysAndCalendarDaysDoNot() {
        CutOff working = new CutOff(List.of(new CutOff.Window(java.time.MonthDay.of(12, 15), java.time.MonthDay.of(12, 14))),
                2, true, LocalTime.of(16, 0), Duration.ZERO, 5);
        ReminderPolicy holidays = ReminderPolicy.defaults().withHolidays(Set.of(LocalDate.of(2026, 12, 15)));
        assertThat(working.deadline(2026, 1, holidays, HANOI)).isEqualTo(ZonedDateTime.of(2026, 12, 17, 16, 0, 0, 0, HANOI));
        CutOff calendar = new CutOff(working.windows(), 2, false, LocalTime.of(16, 0), Duration.ZERO, 5);
        assertThat(calendar.deadline(2026, 1, holidays, HANOI)).isEqualTo(ZonedDateTime.of(2026, 12, 16, 16, 0, 0, 0, HANOI));
    }

    @Test
    void aReportWithoutCutOffHasNone() throws IOException {
        Path root = copyOfShipped();
        Path file = root.resolve("reports/cchc-nam/report.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf("\n# Khoảng chốt số liệu")) + "\n");
        assertThat(DefinitionFiles.load(root).report("cchc-nam").orElseThrow().cutOffRule()).isEmpty();
    }

    @Test
    void refusesAWrongNumberOfWindows() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "    - { from: \"15/6\", to: \"14/12\" }", "");
        assertRefused(root, "cut_off", "báo cáo 6 tháng cần đúng 2 khoảng chốt số liệu");
    }

    @Test
    void refusesAGapBetweenWindows() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "from: \"15/6\"", "from: \"16/6\"");
        assertRefused(root, "cut_off › windows[16/6]", "phải bắt đầu ngay sau ngày 14/6 (ngày cuối của khoảng trước), tức ngày 15/6; tệp ghi 16/6");
    }

    @Test
    void refusesADayThatIsNotOne() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "to: \"14/6\"", "to: \"31/6\"");
        assertRefused(root, "cut_off › windows[15/12]", "trường «to» phải là ngày/tháng, ví dụ \"15/12\"; không đọc được «31/6»");
    }

    @Test
    void refusesBothKindsOfDeadlineOrNeither() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "  deadline_working_days: 2", "  deadline_working_days: 2\n  deadline_days: 5");
        assertRefused(root, "cut_off", "ghi đúng một trong hai trường");
    }

    @Test
    void refusesANegativeOrHugeNumber() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "  grace_hours: 24", "  grace_hours: -3");
        assertRefused(root, "cut_off", "trường «grace_hours» phải là một số nguyên từ 0 đến 720, không phải «-3»");
    }

    @Test
    void refusesATimeThatIsNotOne() throws IOException {
        Path root = copyOfShipped();
        replaceIn(root.resolve("reports/cchc/report.yaml"), "  deadline_time: \"17:00\"", "  deadline_time: \"5 giờ chiều\"");
        assertRefused(root, "cut_off", "không đọc được «5 giờ chiều»");
    }

    private static void assertRefused(Path root, String entry, String problem) {
        Throwable thrown = catchThrowable(() -> DefinitionFiles.load(root));
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        DefinitionException de = (DefinitionException) thrown;
        assertThat(de.file().getFileName().toString()).isEqualTo("report.yaml");
        assertThat(de.entry()).isEqualTo(entry);
        assertThat(de.problem()).contains(problem);
    }

    private static void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private Path copyOfShipped() throws IOException {
        Path target = temp.resolve("conversations");
        try (Stream<Path> files = Files.walk(CONVERSATIONS)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CONVERSATIONS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
