package vn.communereport.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

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
 * of one commune was configured before there were several, and still is). Instances started together do this one
 * after the other (a lock in the database), so none makes a second row for an administrator the other is making.
 */
@Component
class OfficeAdminBootstrap implements ApplicationRunner {

    /** Longer than making every commune's administrators takes; a start that died holding the lock delays the next by this. */
    static final Duration HOLD_AT_MOST = Duration.ofMinutes(1);

    private final AccessService access;
    private final ReportScopes scopes;
    private final String adminIds;
    private final LockProvider locks;

    OfficeAdminBootstrap(AccessService access, ReportScopes scopes, @Value("${app.office-admin-ids:}") String adminIds, LockProvider locks) {
        this.access = access;
        this.scopes = scopes;
        this.adminIds = adminIds;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> fromSettings = parse(adminIds);
        List<CommuneDefinition> unnamed = scopes.communes().stream().filter(c -> !c.namesOfficeAdmins()).toList();
        if (!fromSettings.isEmpty() && unnamed.size() != 1) {
            throw DefinitionException.of(java.nio.file.Path.of(".env"), "OFFICE_ADMIN_IDS", "definition.settings.office-admin-ids-where",
                    unnamed.isEmpty() ? "–" : String.join(", ", unnamed.stream().map(CommuneDefinition::code).toList()));
        }
        SimpleLock lock = waitForLock();
        try {
            for (CommuneDefinition commune : scopes.communes()) {
                List<Long> ids = commune.namesOfficeAdmins() ? commune.officeAdmins().stream().map(Long::valueOf).toList() : fromSettings;
                access.ensureOfficeAdmins(commune.code(), ids.stream().map(OfficeAdminBootstrap::telegram).toList());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits while another instance makes the administrators (it holds the lock for {@link #HOLD_AT_MOST} at most). */
    private SimpleLock waitForLock() {
        Instant giveUp = Instant.now().plus(HOLD_AT_MOST.multipliedBy(2));
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), "office-admins", HOLD_AT_MOST, Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Another instance has held the lock on making office administrators for over "
                        + HOLD_AT_MOST.multipliedBy(2).toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another instance to make office administrators", e);
            }
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
