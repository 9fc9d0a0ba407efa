package vn.communereport.web.start;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.conversation.WebLinks;
import vn.communereport.definition.CommuneDefinition;
import vn.communereport.definition.ReportScopes;
import vn.communereport.web.session.PublicUrl;

/**
 * Started without a bot token, the application serves the web channel alone, so a new user can try everything
 * without Telegram. Once it is ready it says so in one line and prints a single-use login link for each commune's
 * office: as its first administrator (one its file or OFFICE_ADMIN_IDS names), or, when there is none, as a local
 * office administrator it makes for this.
 */
@Component
@ConditionalOnProperty(name = "app.web-only", havingValue = "true")
class WebOnlyStart {

    /**
     * The identity of the administrator made when nobody else runs a commune's office: on the web channel only, one per
     * commune, so that signing in as one office never needs a choice of membership.
     */
    static ChannelIdentity localOffice(String communeCode) {
        return new ChannelIdentity("web", "office-" + communeCode, "office-" + communeCode);
    }

    private static final Logger log = LoggerFactory.getLogger(WebOnlyStart.class);

    private final AccessService access;
    private final ReportScopes scopes;
    private final WebLinks links;
    private final PublicUrl publicUrl;

    WebOnlyStart(AccessService access, ReportScopes scopes, WebLinks links, PublicUrl publicUrl) {
        this.access = access;
        this.scopes = scopes;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.warn("Telegram is off: TELEGRAM_BOT_TOKEN is empty, so the web channel is served alone at {}", publicUrl.base());
        for (CommuneDefinition commune : scopes.communes()) {
            Member office = officeAdmin(commune.code());
            log.info("Office login link (single use, valid {} min): {} ({})", links.loginLinkValidity().toMinutes(),
                    links.loginLink(office), commune.code());
        }
    }

    private Member officeAdmin(String commune) {
        List<Member> admins = access.officeAdmins(commune);
        if (!admins.isEmpty()) {
            return admins.get(0);
        }
        access.ensureOfficeAdmins(commune, List.of(localOffice(commune)));
        return access.officeAdmins(commune).get(0);
    }
}
