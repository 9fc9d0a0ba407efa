package vn.communereport.telegram;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.definition.DefinitionException;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportScopes;

/**
 * Makes each commune's office administrators, so the first invites can be made: those its file names
 * ({@code office_admins}), and for the one commune whose file names none, those of OFFICE_ADMIN_IDS (how a deployment
 * of one commune was configured before there were several, and still is).
 */
@Component
class OfficeAdminBootstrap implements ApplicationRunner {

    private final AccessService access;
    private final ReportScopes scopes;
    private final String adminIds;

    OfficeAdminBootstrap(AccessService access, ReportScopes scopes, @Value("${app.office-admin-ids:}") String adminIds) {
        this.access = access;
        this.scopes = scopes;
        this.adminIds = adminIds;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> fromSettings = parse(adminIds);
        List<CommuneDefinition> unnamed = scopes.communes().stream().filter(c -> !c.namesOfficeAdmins()).toList();
        if (!fromSettings.isEmpty() && unnamed.size() != 1) {
            throw DefinitionException.of(java.nio.file.Path.of(".env"), "OFFICE_ADMIN_IDS", "definition.settings.office-admin-ids-where",
                    unnamed.isEmpty() ? "–" : String.join(", ", unnamed.stream().map(CommuneDefinition::code).toList()));
        }
        for (CommuneDefinition commune : scopes.communes()) {
            List<Long> ids = commune.namesOfficeAdmins() ? commune.officeAdmins().stream().map(Long::valueOf).toList() : fromSettings;
            access.ensureOfficeAdmins(commune.code(), ids.stream().map(OfficeAdminBootstrap::telegram).toList());
        }
    }

    /** In a private chat Telegram's chat id is the user's id, so a configured person can be written to at once. */
    private static ChannelIdentity telegram(long id) {
        return new ChannelIdentity(UpdateMapper.CHANNEL, String.valueOf(id), String.valueOf(id));
    }

    static List<Long> parse(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        return Arrays.stream(ids.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw DefinitionException.of(java.nio.file.Path.of(".env"), "OFFICE_ADMIN_IDS", "definition.settings.office-admin-id", s);
            }
        }).toList();
    }
}
