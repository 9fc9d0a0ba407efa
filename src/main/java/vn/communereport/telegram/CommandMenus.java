package vn.communereport.telegram;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.menubutton.SetChatMenuButton;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.menubutton.MenuButtonWebApp;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.conversation.CommandMenu;
import vn.communereport.definition.Definitions;
import vn.communereport.province.ProvinceDesk;

/**
 * Telegram's command menus, from the conversation's one list of commands: every chat gets the members' menu,
 * each office administrator's chat the office's and each province administrator's the province's (chat-scoped menus);
 * members' chats, when the web channel has an HTTPS address, a menu button that opens the form as a Mini App.
 */
class CommandMenus {

    private static final Logger log = LoggerFactory.getLogger(CommandMenus.class);

    private final TelegramClient client;
    private final CommandMenu menu;
    private final AccessService access;
    private final Definitions definitions;
    private final ProvinceDesk province;

    CommandMenus(TelegramClient client, CommandMenu menu, AccessService access, Definitions definitions, ProvinceDesk province) {
        this.client = client;
        this.menu = menu;
        this.access = access;
        this.definitions = definitions;
        this.province = province;
    }

    /** Chats of members whose menus this process has already set. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** The Mini App members' menu button opens; null while the web channel has no HTTPS address. */
    private String miniAppUrl;
    private String miniAppLabel;

    /** Members' chats get a menu button that opens the form as a Mini App at this HTTPS address. */
    CommandMenus withMiniApp(String url, String label) {
        this.miniAppUrl = url;
        this.miniAppLabel = label;
        return this;
    }

    /**
     * Telegram sets a chat's menu only once it knows the chat: an office administrator who had not written to
     * the bot when it started gets the office's menu on their first message, a member the Mini App's menu button on
     * their first message as a member (a stranger's chat is looked at again once they join).
     */
    void seen(ChannelIdentity who) {
        if (seen.contains(who.address())) {
            return;
        }
        if (province.administers(who)) {
            if (seen.add(who.address()) && !setProvinceMenu(who.address())) {
                seen.remove(who.address());
            }
            return;
        }
        Optional<Member> member = access.find(who);
        if (member.isEmpty() || !seen.add(who.address())) {
            return;
        }
        try {
            if (member.get().isOfficeAdmin()) {
                client.execute(SetMyCommands.builder().commands(commands(menu.forOffice()))
                        .scope(BotCommandScopeChat.builder().chatId(who.address()).build()).build());
            }
            if (miniAppUrl != null) {
                client.execute(SetChatMenuButton.builder().chatId(who.address())
                        .menuButton(MenuButtonWebApp.builder().text(miniAppLabel).webAppInfo(new WebAppInfo(miniAppUrl)).build()).build());
            }
        } catch (TelegramApiException | RuntimeException e) {
            seen.remove(who.address());
            log.info("Menu not set for chat {}: {}", who.address(), e.getMessage());
        }
    }

    void register() throws TelegramApiException {
        client.execute(SetMyCommands.builder().commands(commands(menu.forMembers())).build());
        List<BotCommand> office = commands(menu.forOffice());
        for (String commune : definitions.communes().keySet()) {
            for (var admin : access.officeAdmins(commune)) {
                var chat = access.reachableAddress(admin.getId(), UpdateMapper.CHANNEL);
                if (chat.isEmpty()) {
                    continue;
                }
                try {
                    client.execute(SetMyCommands.builder().commands(office)
                            .scope(BotCommandScopeChat.builder().chatId(chat.get()).build()).build());
                } catch (TelegramApiException e) {
                    // An administrator who never opened the bot has no chat yet; they still get the members' menu.
                    log.info("Office menu not set for chat {}: {}", chat.get(), e.getMessage());
                }
            }
        }
        province.administrators(UpdateMapper.CHANNEL).forEach(this::setProvinceMenu);
    }

    /** The province's menu in a province administrator's private chat (its id is their user id); false if Telegram refused. */
    private boolean setProvinceMenu(String chat) {
        try {
            client.execute(SetMyCommands.builder()
                    .commands(province.menu().stream().map(e -> new BotCommand(e.name(), e.description())).toList())
                    .scope(BotCommandScopeChat.builder().chatId(chat).build()).build());
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            // One who never opened the bot has no chat yet: their first message sets it.
            log.info("Province menu not set for chat {}: {}", chat, e.getMessage());
            return false;
        }
    }

    private static List<BotCommand> commands(List<CommandMenu.Entry> entries) {
        return entries.stream().map(e -> new BotCommand(e.name(), e.description())).toList();
    }
}
