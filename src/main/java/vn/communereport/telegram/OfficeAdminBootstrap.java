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
import vn.communereport.definition.ReportContext;

/** Makes the people named in OFFICE_ADMIN_IDS office administrators, so the first invites can be made. */
@Component
class OfficeAdminBootstrap implements ApplicationRunner {

    private final AccessService access;
    private final ReportContext context;
    private final String adminIds;

    OfficeAdminBootstrap(AccessService access, ReportContext context, @Value("${app.office-admin-ids:}") String adminIds) {
        this.access = access;
        this.context = context;
        this.adminIds = adminIds;
    }

    @Override
    public void run(ApplicationArguments args) {
        // In a private chat Telegram's chat id is the user's id, so a configured person can be written to at once.
        access.ensureOfficeAdmins(context.commune().code(), parse(adminIds).stream()
                .map(id -> new ChannelIdentity(UpdateMapper.CHANNEL, String.valueOf(id), String.valueOf(id))).toList());
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
