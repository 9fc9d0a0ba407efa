package vn.communereport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import java.util.Optional;

import net.javacrumbs.shedlock.core.LockProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.definition.DefinitionException;
import vn.communereport.definition.DefinitionFiles;
import vn.communereport.definition.ReportScopes;
import vn.communereport.testsupport.GeneratedCommunes;

/** Each office's administrators: from its file, and OFFICE_ADMIN_IDS for the one commune whose file names none. */
class OfficeAdminBootstrapTest {

    @TempDir
    Path temp;

    final AccessService access = mock(AccessService.class);
    /** The lock is always free: no other instance starts beside this one. */
    static final LockProvider NO_OTHER_INSTANCE = configuration -> Optional.of(() -> { });

    @Test
    void officeAdminIdsServeTheOneCommuneWithoutItsOwnListAndEachFileNamesTheRest() {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations"),
                Map.of("communes/mau-thu.yaml", Map.of("office_admins: []", "office_admins: [555, 556]")));
        GeneratedCommunes.add(root, 3, 900);
        new OfficeAdminBootstrap(access, new ReportScopes(DefinitionFiles.load(root)), "1001, 1002", NO_OTHER_INSTANCE).run(null);
        verify(access).ensureOfficeAdmins("binh-lu", List.of(telegram(1001), telegram(1002)));
        verify(access).ensureOfficeAdmins("mau-thu", List.of(telegram(555), telegram(556)));
        verify(access).ensureOfficeAdmins("xa-01", List.of(telegram(901)));
        verify(access).ensureOfficeAdmins("xa-03", List.of(telegram(903)));
    }

    @Test
    void withTwoCommunesWithoutTheirOwnListOfficeAdminIdsIsRefusedNamingThem() {
        Path root = GeneratedCommunes.copyOfShipped(temp.resolve("conversations"),
                Map.of("communes/mau-thu.yaml", Map.of("office_admins: []\n", "")));
        OfficeAdminBootstrap bootstrap = new OfficeAdminBootstrap(access, new ReportScopes(DefinitionFiles.load(root)), "1001", NO_OTHER_INSTANCE);
        Throwable thrown = catchThrowable(() -> bootstrap.run(null));
        assertThat(thrown).isInstanceOf(DefinitionException.class);
        assertThat(((DefinitionException) thrown).problem()).contains("binh-lu, mau-thu").contains("office_admins");
        verify(access, never()).ensureOfficeAdmins(anyString(), anyList());
        // Without OFFICE_ADMIN_IDS nothing is refused: those communes simply have nobody yet.
        new OfficeAdminBootstrap(access, new ReportScopes(DefinitionFiles.load(root)), "", NO_OTHER_INSTANCE).run(null);
        verify(access).ensureOfficeAdmins("binh-lu", List.of());
    }

    private static ChannelIdentity telegram(long id) {
        return new ChannelIdentity("telegram", String.valueOf(id), String.valueOf(id));
    }
}
