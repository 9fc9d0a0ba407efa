package vn.communereport.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code cut_off} of a report.yaml into a {@link CutOff}; every problem is worded by {@code i18n/windows.properties}. */
final class CutOffReader {

    private static final TextBundle TEXTS = TextBundle.of("i18n/windows");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
    /** A year without 29 February: a boundary must exist every year. */
    private static final int COMMON_YEAR = 2025;
    private static final int MAX_DAYS = 60;
    private static final int MAX_GRACE_HOURS = 720;

    private CutOffReader() {
    }

    /** The report's cut-off, or null when its file has none (no window, no proposal, no lock by itself). */
    static CutOff read(YamlNode doc, Frequency frequency) {
        if (!doc.has("cut_off")) {
            return null;
        }
        YamlNode c = doc.node("cut_off");
        c.allowOnly(Set.of("windows", "deadline_working_days", "deadline_days", "deadline_time", "grace_hours",
                "late_entry_max_days"));
        List<CutOff.Window> windows = windows(c, frequency);
        boolean working = c.has("deadline_working_days");
        if (working == c.has("deadline_days")) {
            throw error(c, "windows.definition.deadline-one");
        }
        String daysField = working ? "deadline_working_days" : "deadline_days";
        int days = bounded(c, daysField, 0, MAX_DAYS);
        LocalTime time = c.has("deadline_time") ? time(c, c.text("deadline_time")) : LocalTime.of(17, 0);
        int grace = c.has("grace_hours") ? bounded(c, "grace_hours", 0, MAX_GRACE_HOURS) : 0;
        int maxLate = c.has("late_entry_max_days") ? bounded(c, "late_entry_max_days", 1, MAX_DAYS) : 30;
        return new CutOff(List.copyOf(windows), days, working, time, Duration.ofHours(grace), maxLate);
    }

    private static List<CutOff.Window> windows(YamlNode c, Frequency frequency) {
        List<YamlNode> nodes = c.nodes("windows", "from");
        int expected = periodsPerYear(frequency);
        if (nodes.size() != expected) {
            throw error(c, "windows.definition.count", TEXTS.get("windows.definition.frequency." + frequency.name()),
                    String.valueOf(expected), String.valueOf(nodes.size()));
        }
        List<CutOff.Window> windows = new ArrayList<>();
        for (YamlNode w : nodes) {
            w.allowOnly(Set.of("from", "to"));
            windows.add(new CutOff.Window(dayMonth(w, "from"), dayMonth(w, "to")));
        }
        // Each window starts the day after the one before ends (the first after the last: the year goes round), so
        // every day's data belongs to exactly one period.
        for (int i = 0; i < windows.size(); i++) {
            CutOff.Window before = windows.get((i + windows.size() - 1) % windows.size());
            MonthDay expectedStart = MonthDay.from(before.to().atYear(COMMON_YEAR).plusDays(1));
            if (!windows.get(i).from().equals(expectedStart)) {
                throw error(nodes.get(i), "windows.definition.gap", String.valueOf(i + 1), show(before.to()), show(expectedStart),
                        show(windows.get(i).from()));
            }
        }
        return windows;
    }

    private static int periodsPerYear(Frequency frequency) {
        return switch (frequency) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
        };
    }

    private static MonthDay dayMonth(YamlNode w, String field) {
        String text = w.text(field);
        Matcher m = DAY_MONTH.matcher(text);
        if (!m.matches()) {
            throw error(w, "windows.definition.day-month", field, text);
        }
        try {
            MonthDay day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            if (!day.isValidYear(COMMON_YEAR)) {
                throw error(w, "windows.definition.leap-day", field, text);
            }
            return day;
        } catch (DateTimeException e) {
            throw error(w, "windows.definition.day-month", field, text);
        }
    }

    private static int bounded(YamlNode c, String field, int min, int max) {
        Object raw = c.raw(field);
        if (!(raw instanceof Integer value) || value < min || value > max) {
            throw error(c, "windows.definition.number", field, String.valueOf(raw), String.valueOf(min), String.valueOf(max));
        }
        return value;
    }

    private static LocalTime time(YamlNode c, String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw error(c, "windows.definition.time", text);
        }
    }

    private static String show(MonthDay day) {
        return day.getDayOfMonth() + "/" + day.getMonthValue();
    }

    private static DefinitionException error(YamlNode node, String key, Object... args) {
        return new DefinitionException(node.file(), node.entry(), TEXTS.get(key, args));
    }
}
