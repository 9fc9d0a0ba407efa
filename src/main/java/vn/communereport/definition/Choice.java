package vn.communereport.definition;

/** An answer offered as a button: its label's message key and the input it stands for. */
public record Choice(String labelKey, String input) {
}
