package vn.communereport.telegram;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.communereport.access.AccessService;
import vn.communereport.access.ChannelIdentity;
import vn.communereport.access.Member;
import vn.communereport.conversation.CommandMenu;
import vn.communereport.definition.Definitions;

/**
 * Telegram's command menus, from the conversation's one list of commands: every chat gets the members' menu,
 * each office administrator's chat the office's (a chat-scoped menu).
 */
class CommandMenus {

    private static final Logger log = LoggerFactory.getLogger(CommandMenus.class);

    private final TelegramClient client;
    private final CommandMenu menu;
    private final AccessService access;
    private final Definitions definitions;

    CommandMenus(TelegramClient client, CommandMenu menu, AccessService access, Definitions definitions) {
        this.client = client;
        this.menu = menu;
        this.access = access;
        this.definitions = definitions;
    }

    /** Chats whose menu this process has already looked at. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Telegram sets a chat's menu only once it knows the chat: an office administrator who had not written to
     * the bot when it started gets the office's menu on their first message.
     */
    void seen(ChannelIdentity who) {
        if (!seen.add(who.address())) {
            return;
        }
        try {
            if (access.find(who).filter(Member::isOfficeAdmin).isPresent()) {
                client.execute(SetMyCommands.builder().commands(commands(menu.forOffice()))
                        .scope(BotCommandScopeChat.builder().chatId(who.address()).build()).build());
            }
        } catch (TelegramApiException | RuntimeException e) {
            seen.remove(who.address());
            log.info("Office menu not set for chat {}: {}", who.address(), e.getMessage());
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
    }

    private static List<BotCommand> commands(List<CommandMenu.Entry> entries) {
        return entries.stream().map(e -> new BotCommand(e.name(), e.description())).toList();
    }
}
