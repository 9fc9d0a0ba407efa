package vn.communereport.conversation;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * One command: its name (what people type after "/"), other names it answers to, who may use it and what
 * it does with the text after it. Its menu line is {@code command.<name>}, its help line {@code help.<name>}.
 */
record Command(String name, List<String> aliases, Audience audience, BiConsumer<Turn, String> action) {

    boolean answersTo(String typed) {
        return name.equals(typed) || aliases.contains(typed);
    }
}
