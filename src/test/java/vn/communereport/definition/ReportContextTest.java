package vn.communereport.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportContextTest {

    static final Definitions SHIPPED = DefinitionFiles.load(Path.of("conversations"));

    @Test
    void remindersFollowTheReportsScheduleOnTheCommunesWorkingDays() {
        ReportContext context = new ReportContext(SHIPPED, "", "");
        assertThat(context.commune().code()).isEqualTo("binh-lu");
        assertThat(context.reminders()).isEqualTo(context.report().reminders().withHolidays(context.commune().holidays()));
        assertThat(context.reminders().isWorkingDay(LocalDate.of(2026, 9, 2))).as("Quốc khánh").isFalse();
        assertThat(context.reminders().isWorkingDay(LocalDate.of(2026, 9, 3))).isTrue();
        assertThat(context.reminders().morning()).isEqualTo(context.report().reminders().morning());
    }

    @Test
    void aCommuneOrReportThatIsNotDefinedIsNamedInVietnamese() {
        DefinitionException commune = refused(() -> new ReportContext(SHIPPED, "tam-duong", ""));
        assertThat(commune.entry()).isEqualTo("APP_COMMUNE");
        assertThat(commune.problem()).isEqualTo("không có xã «tam-duong» (các xã: binh-lu)");
        DefinitionException report = refused(() -> new ReportContext(SHIPPED, "", "tu-phap"));
        assertThat(report.entry()).isEqualTo("APP_REPORT");
        assertThat(report.problem()).isEqualTo("không có báo cáo «tu-phap» (các báo cáo: cchc)");
    }

    private static DefinitionException refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        return (DefinitionException) thrown;
    }
}
