package vn.communereport.acting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.communereport.access.AccessService;
import vn.communereport.access.Member;
import vn.communereport.collection.PeriodService;
import vn.communereport.collection.ReportingPeriod;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.ReportDefinition;
import vn.communereport.definition.ReportScope;
import vn.communereport.definition.ReportScopes;

/** Which report a member acts in: theirs to choose when several are open, never picked for them, never another's. */
class ActingScopesTest {

    static final ReportScopes SCOPES = new ReportScopes(DefinitionFiles.load(Path.of("conversations")));

    final PeriodService periods = mock(PeriodService.class);
    final AccessService access = mock(AccessService.class);
    final ActingScopes acting = new ActingScopes(SCOPES, periods, access);

    @BeforeEach
    void bothOpen() {
        halfYearOpen(true);
        yearOpen(true);
    }

    @Test
    void aMemberWithTwoOpenReportsAndNoChoiceIsAskedWithBoth() {
        ActingScopes.Resolution resolution = acting.resolve(member("binh-lu", "kinh-te", null, false));
        assertThat(resolution.mustChoose()).isTrue();
        assertThat(resolution.choices()).extracting(ReportScope::reportCode).containsExactly("cchc", "cchc-nam");
    }

    @Test
    void theChosenReportIsKeptWhileItIsOpen() {
        assertThat(code(acting.resolve(member("binh-lu", "kinh-te", "cchc-nam", false)))).isEqualTo("cchc-nam");
        yearOpen(false);
        // Closed meanwhile: the only open one is theirs without asking.
        assertThat(code(acting.resolve(member("binh-lu", "kinh-te", "cchc-nam", false)))).isEqualTo("cchc");
    }

    @Test
    void withOneOpenReportNobodyIsAsked() {
        yearOpen(false);
        assertThat(code(acting.resolve(member("mau-thu", "kinh-te", null, false)))).isEqualTo("cchc");
        halfYearOpen(false);
        // None open: the one they chose, else the commune's first, so they are told it is closed.
        assertThat(code(acting.resolve(member("mau-thu", "kinh-te", null, false)))).isEqualTo("cchc");
        assertThat(code(acting.resolve(member("mau-thu", "kinh-te", "cchc-nam", false)))).isEqualTo("cchc-nam");
    }

    @Test
    void theOfficeKeepsTheReportItChoseEvenUnopenedToOpenIt() {
        yearOpen(false);
        assertThat(code(acting.resolve(member("binh-lu", null, "cchc-nam", true)))).isEqualTo("cchc-nam");
        assertThat(acting.choices(member("binh-lu", null, null, true))).extracting(ReportScope::reportCode).containsExactly("cchc", "cchc-nam");
        // A member is offered only what is open.
        assertThat(acting.choices(member("binh-lu", "kinh-te", null, false))).extracting(ReportScope::reportCode).containsExactly("cchc");
    }

    @Test
    void aDepartmentWithoutAPartSeesTheCommunesFirstReportAndAnUnknownCommuneNothing() {
        assertThat(code(acting.resolve(member("mau-thu", "quan-su", null, false)))).isEqualTo("cchc");
        ActingScopes.Resolution gone = acting.resolve(member("tam-duong", "kinh-te", null, false));
        assertThat(gone.scope()).isEmpty();
        assertThat(gone.mustChoose()).isFalse();
    }

    @Test
    void onlyAReportOfTheirOwnThatIsOpenCanBeChosen() {
        Member member = member("binh-lu", "kinh-te", null, false);
        assertThat(acting.choose(member, "tu-phap")).isEmpty();
        yearOpen(false);
        assertThat(acting.choose(member, "cchc-nam")).isEmpty();
        verify(access, never()).chooseReport(anyLong(), anyString());
        assertThat(acting.choose(member, "cchc")).map(ReportScope::reportCode).contains("cchc");
        verify(access).chooseReport(7L, "cchc");
    }

    private void halfYearOpen(boolean open) {
        ReportingPeriod period = mock(ReportingPeriod.class);
        when(period.isOpen()).thenReturn(open);
        when(periods.currentPeriod(any(ReportScope.class))).thenReturn(period);
    }

    private void yearOpen(boolean open) {
        when(periods.openPeriods(anyString(), any(ReportDefinition.class))).thenReturn(List.of());
        when(periods.openPeriods(anyString(), eq(SCOPES.owed("binh-lu", "cchc-nam").orElseThrow().report())))
                .thenReturn(open ? List.of(mock(ReportingPeriod.class)) : List.of());
    }

    private static String code(ActingScopes.Resolution resolution) {
        return resolution.scope().orElseThrow().reportCode();
    }

    private static Member member(String commune, String department, String chosen, boolean officeAdmin) {
        Member member = mock(Member.class);
        when(member.getId()).thenReturn(7L);
        when(member.getCommuneCode()).thenReturn(commune);
        when(member.getDepartmentCode()).thenReturn(department);
        when(member.getReportCode()).thenReturn(chosen);
        when(member.isOfficeAdmin()).thenReturn(officeAdmin);
        when(member.isActive()).thenReturn(true);
        return member;
    }
}
