package vn.communereport.conversation;

import static vn.communereport.conversation.Audience.EVERYONE;
import static vn.communereport.conversation.Audience.MEMBERS;
import static vn.communereport.conversation.Audience.OFFICE;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.communereport.access.AccessService;
import vn.communereport.messaging.Texts;

/**
 * Every command, once: the router, the channel's menus and /trogiup all read this list. A new command is a
 * handler method, one line here, and its two texts ({@code command.<name>} for the menu, {@code help.<name>}).
 */
@Component
class CommandRegistry implements CommandMenu {

    private final List<Command> commands;
    private final WebSignIn web;
    private final Texts texts;

    CommandRegistry(FlowStart start, Reviewing reviewing, Submitting submitting, OfficeReports reports, OfficeProgress progress,
                    OfficeMembers members, OfficeReopening reopening, OfficePeriods periods, OfficeReminding reminding, WebSignIn web,
                    SheetExchange sheets, ScopeChoice choice, Texts texts, OfficeLateEntry lateEntry) {
        this.texts = texts;
        this.web = web;
        this.commands = List.of(
                new Command("start", List.of("tieptuc"), EVERYONE, (turn, argument) -> {
                    if (AccessService.looksLikeInviteCode(argument)) {
                        if (choice.joinAnother(turn, argument)) {
                            return;
                        }
                        turn.say(texts.get("invite.already-member"));
                    }
                    start.start(turn);
                }),
                new Command("xem", List.of(), MEMBERS, (turn, argument) -> reviewing.show(turn)),
                new Command("nop", List.of(), MEMBERS, (turn, argument) -> submitting.ask(turn)),
                new Command("phanbaocao", List.of(), MEMBERS, reports::departmentPart),
                new Command("bangtinh", List.of(), MEMBERS, sheets::template),
                new Command("tamdung", List.of("huy"), EVERYONE, (turn, argument) -> start.pause(turn)),
                new Command("web", List.of(), EVERYONE, web::link),
                new Command("baocao", List.of(), EVERYONE, choice::report),
                new Command("donvi", List.of(), EVERYONE, choice::membership),
                new Command("tiendo", List.of(), OFFICE, progress::show),
                new Command("duthao", List.of(), OFFICE, reports::compile),
                new Command("moi", List.of(), OFFICE, members::invite),
                new Command("moky", List.of(), OFFICE, periods::choose),
                new Command("nhacnho", List.of(), OFFICE, reminding::choose),
                new Command("molai", List.of(), OFFICE, reopening::choose),
                new Command("dongky", List.of(), OFFICE, periods::askClose),
                new Command("nhapmuon", List.of(), OFFICE, lateEntry::choose),
                new Command("lichsu", List.of(), OFFICE, reports::history),
                new Command("xuatdulieu", List.of(), OFFICE, reports::export),
                new Command("thuhoi", List.of(), OFFICE, members::chooseRevoke),
                new Command("thanhvien", List.of(), OFFICE, members::list),
                new Command("truongphong", List.of(), OFFICE, members::heads),
                new Command("trogiup", List.of("help"), EVERYONE, (turn, argument) -> help(turn)));
    }

    /** Runs "/name argument" for the person, if it is a command and theirs to use. */
    void run(Turn turn, String text) {
        String[] parts = text.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Texts.VIETNAMESE);
        String argument = parts.length > 1 ? parts[1].trim() : "";
        Optional<Command> command = commands.stream().filter(c -> c.answersTo(name)).findFirst();
        if (command.isEmpty()) {
            turn.say(texts.get("command.unknown"));
            return;
        }
        if (!command.get().audience().admits(turn.member)) {
            turn.say(texts.get("office.only"));
            return;
        }
        command.get().action().accept(turn, argument);
    }

    List<Command> commands() {
        return commands;
    }

    private void help(Turn turn) {
        StringBuilder text = new StringBuilder(texts.get("help.header"));
        for (Command command : commands) {
            if (command.audience() != OFFICE) {
                text.append('\n').append(texts.get("help.line", command.name(), texts.get("help." + command.name())));
            }
        }
        text.append("\n\n").append(texts.get("help.numbers"));
        if (turn.isOfficeAdmin()) {
            text.append("\n\n").append(texts.get("help.office-header"));
            for (Command command : commands) {
                if (command.audience() == OFFICE) {
                    text.append('\n').append(texts.get("help.line", command.name(), texts.get("help." + command.name())));
                }
            }
        }
        turn.say(text.toString(), web.openFormRows());
    }

    @Override
    public List<Entry> forMembers() {
        return commands.stream().filter(c -> c.audience() != OFFICE).map(this::entry).toList();
    }

    @Override
    public List<Entry> forOffice() {
        return commands.stream().map(this::entry).toList();
    }

    private Entry entry(Command command) {
        return new Entry(command.name(), texts.get("command." + command.name()));
    }
}
