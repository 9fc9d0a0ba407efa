package vn.communereport.province.chat;

import java.util.List;
import java.util.function.BiConsumer;

import vn.communereport.province.definition.ProvinceDefinition;

/**
 * A province administrator's command, declared as the conversation's commands are: its name, other names it answers
 * to and what it does; its help line is {@code province.help.<name>}.
 */
record ProvinceCommand(String name, List<String> aliases, BiConsumer<Step, String> action) {

    boolean answersTo(String typed) {
        return name.equals(typed) || aliases.contains(typed);
    }

    /** One step of a province administrator: who, their province, and what it says. */
    record Step(ProvinceDefinition province, Say say) {
    }
}
