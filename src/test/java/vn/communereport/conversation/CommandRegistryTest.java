package vn.communereport.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.messaging.Outbound;
import vn.communereport.messaging.TestTexts;
import vn.communereport.messaging.Texts;

/** One list of commands feeds the router, both menus and /trogiup, and says who may use what. */
class CommandRegistryTest {

    final Texts texts = TestTexts.vietnamese();
    final FlowStart start = mock(FlowStart.class);
    final Reviewing reviewing = mock(Reviewing.class);
    final Submitting submitting = mock(Submitting.class);
    final OfficeReports reports = mock(OfficeReports.class);
    final OfficeProgress progress = mock(OfficeProgress.class);
    final OfficeMembers members = mock(OfficeMembers.class);
    final OfficeReopening reopening = mock(OfficeReopening.class);
    final OfficePeriods periods = mock(OfficePeriods.class);
    final OfficeReminding reminding = mock(OfficeReminding.class);
    final WebSignIn web = mock(WebSignIn.class);
    final SheetExchange sheets = mock(SheetExchange.class);
    final ScopeChoice choice = mock(ScopeChoice.class);
    final CommandRegistry registry = new CommandRegistry(start, reviewing, submitting, reports, progress, members, reopening,
            periods, reminding, web, sheets, choice, texts, mock(OfficeLateEntry.class));

    Turn turn(boolean officeAdmin) {
        Member member = mock(Member.class);
        when(member.getId()).thenReturn(7L);
        when(member.isOfficeAdmin()).thenReturn(officeAdmin);
        Turn turn = new Turn(Inbound.text(new ChannelIdentity("telegram", "7", "7"), "1", "Lan", "/x"));
        turn.member = member;
        return turn;
    }

    static List<String> texts(Turn turn) {
        return turn.out.stream().map(Outbound::text).toList();
    }

    @Test
    void everyCommandHasItsMenuLineAndItsHelpLine() {
        for (Command command : registry.commands()) {
            assertThat(texts.get("command." + command.name())).as(command.name()).isNotBlank();
            assertThat(texts.get("help." + command.name())).as(command.name()).isNotBlank();
            assertThat(command.name()).matches("[a-z0-9_]{1,32}");
        }
    }

    @Test
    void membersSeeTheirCommandsAndTheOfficeSeesEveryOne() {
        List<String> forMembers = registry.forMembers().stream().map(CommandMenu.Entry::name).toList();
        List<String> forOffice = registry.forOffice().stream().map(CommandMenu.Entry::name).toList();
        assertThat(forMembers).contains("start", "xem", "nop", "phanbaocao", "tamdung", "trogiup").doesNotContain("tiendo", "duthao", "moi");
        assertThat(forOffice).containsAll(forMembers).contains("tiendo", "duthao", "moi", "moky", "dongky", "nhacnho", "thanhvien",
                "molai", "lichsu", "xuatdulieu", "thuhoi");
        assertThat(forOffice).hasSize(registry.commands().size());
    }

    @Test
    void aCommandRunsItsHandlerWithWhatFollowsIt() {
        Turn office = turn(true);
        registry.run(office, "/lichsu   III.3.1 ");
        verify(reports).history(office, "III.3.1");
        registry.run(office, "/MOI kinh-te");
        verify(members).invite(office, "kinh-te");
        Turn member = turn(false);
        registry.run(member, "/tieptuc");
        verify(start).start(member);
    }

    @Test
    void anOfficeCommandIsRefusedToAMemberAndRunsNothing() {
        Turn member = turn(false);
        registry.run(member, "/duthao");
        verify(reports, never()).compile(any(), any());
        assertThat(texts(member)).containsExactly(texts.get("office.only"));
    }

    @Test
    void anUnknownCommandIsSaidSo() {
        Turn member = turn(false);
        registry.run(member, "/xoahet");
        assertThat(texts(member)).containsExactly(texts.get("command.unknown"));
    }

    @Test
    void helpListsTheOfficeCommandsOnlyToTheOffice() {
        Turn member = turn(false);
        registry.run(member, "/trogiup");
        assertThat(texts(member).get(0)).contains("/xem – ", "/nop – ").doesNotContain("/duthao");
        Turn office = turn(true);
        registry.run(office, "/help");
        assertThat(texts(office).get(0)).contains("/xem – ", "/duthao – ", "/lichsu – ");
    }

    @Test
    void anInviteCodeAfterStartIsNotTakenTwice() {
        Turn member = turn(false);
        registry.run(member, "/start ABCDEFGHJK");
        assertThat(texts(member)).containsExactly(texts.get("invite.already-member"));
        verify(start).start(eq(member));
    }
}
